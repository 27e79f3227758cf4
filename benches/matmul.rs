//! The arithmetic ceiling of the NER model on this machine: how fast libtorch multiplies
//! matrices of the model's shapes, in f32 and bf16, on one and on all cores.
//!
//! `cargo bench --bench matmul` (through `scripts/env.sh`). The model spends most of its
//! time in these products; dividing the bf16 rate by the model's arithmetic per wordpiece
//! (printed at the end) gives the most wordpieces per second any implementation of this
//! model could reach here.

use std::time::Instant;

use tch::{Device, Kind, Tensor};

/// Hidden size, feed-forward size and layers of all-MiniLM-L6-v2.
const HIDDEN: i64 = 384;
const FFN: i64 = 1536;
const LAYERS: i64 = 6;
/// Rows of one inference batch: 16 windows of 128 wordpieces plus `[CLS]` and `[SEP]`.
const ROWS: i64 = 16 * 130;

/// Median GFLOP/s of `a × b` over several timed rounds.
fn gflops(m: i64, k: i64, n: i64, kind: Kind) -> f64 {
    let a = Tensor::randn([m, k], (Kind::Float, Device::Cpu)).to_kind(kind);
    let b = Tensor::randn([k, n], (Kind::Float, Device::Cpu)).to_kind(kind);
    for _ in 0..3 {
        let _ = a.matmul(&b);
    }
    let mut rates: Vec<f64> = (0..7)
        .map(|_| {
            let reps = 10;
            let t = Instant::now();
            for _ in 0..reps {
                let _ = a.matmul(&b);
            }
            let secs = t.elapsed().as_secs_f64() / f64::from(reps);
            2.0 * (m * k * n) as f64 / secs / 1e9
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates[rates.len() / 2]
}

fn main() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let shapes = [
        ("attention projection", ROWS, HIDDEN, HIDDEN),
        ("feed-forward in", ROWS, HIDDEN, FFN),
        ("feed-forward out", ROWS, FFN, HIDDEN),
    ];
    let mut bf16_all_cores = Vec::new();
    for threads in [1, cores] {
        tch::set_num_threads(i32::try_from(threads).unwrap_or(1));
        for (kind, name) in [(Kind::Float, "f32"), (Kind::BFloat16, "bf16")] {
            for &(what, m, k, n) in &shapes {
                let rate = gflops(m, k, n, kind);
                println!("{threads} thread(s) {name:>4} {what:<22} {m}x{k}x{n}: {rate:.0} GFLOP/s");
                if threads == cores && kind == Kind::BFloat16 {
                    bf16_all_cores.push(rate);
                }
            }
        }
    }
    // Per wordpiece and layer: four 384x384 projections and the two feed-forward products,
    // two FLOPs per multiply-add; attention scores and mixing add about 5% at 130 pieces.
    let per_piece = 2.0 * (LAYERS * (4 * HIDDEN * HIDDEN + 2 * HIDDEN * FFN)) as f64;
    let rate = bf16_all_cores.iter().sum::<f64>() / bf16_all_cores.len().max(1) as f64;
    println!(
        "model: {:.1} MFLOP per wordpiece in the linear layers; at {rate:.0} GFLOP/s (bf16, \
         {cores} cores) they alone allow at most {:.0} wordpieces/s",
        per_piece / 1e6,
        rate * 1e9 / per_piece
    );
}
