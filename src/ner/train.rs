//! Fine-tuning on CoNLL files with the same network and windows as inference.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use tch::nn::OptimizerConfig;
use tch::{nn, Device, Kind, Reduction, Tensor};

use super::conll::{self, Document};
use super::encode::{batch, encode, plan_windows, Stream, Window, IGNORE};
use super::labels::TAGS;
use super::model::{read_config, NerSettings, Network};
use super::precision::Precision;
use super::{load_tokenizer, NerModel};

/// Hyper-parameters of a training run.
#[derive(Debug, Clone)]
pub struct FitConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Peak learning rate (AdamW).
    pub lr: f64,
    /// Fraction of the steps spent warming the learning rate up; it then decays linearly to 0.
    pub warmup: f64,
    /// AdamW weight decay.
    pub weight_decay: f64,
    /// Windows per step.
    pub batch: usize,
    /// Most pieces per window.
    pub max_pieces: usize,
    /// Windows are packed up to a length drawn between this and `max_pieces`, anew every
    /// epoch, so sentences meet different neighbours.
    pub min_pieces: usize,
    /// Gradient norm clip.
    pub clip: f64,
    /// Print the loss every this many steps (0: never).
    pub log_every: usize,
}

/// Everything `whosaid train-ner` needs.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// CoNLL files to train on.
    pub train: Vec<PathBuf>,
    /// CoNLL file to select the best epoch on (none: keep the last).
    pub dev: Option<PathBuf>,
    /// Directory of the base checkpoint (`config.json`, `model.safetensors`, `tokenizer.json`).
    pub base: PathBuf,
    /// Where to write the model.
    pub out: PathBuf,
    /// Give the model the casing embedding.
    pub casing: bool,
    /// Train on only the first this many sentences.
    pub limit: Option<usize>,
    /// Seed of torch's generator (initialisation, dropout, shuffling, packing).
    pub seed: i64,
    /// Torch intra-op threads (default: one per core).
    pub threads: Option<usize>,
    /// Hyper-parameters.
    pub fit: FitConfig,
}

/// The training streams of CoNLL documents: each pre-token takes the tag of the CoNLL word
/// it starts (B-X on a word's first pre-token, I-X on later ones).
pub fn streams(model: &NerModel, docs: &[Document]) -> Result<Vec<Stream>> {
    docs.iter()
        .map(|doc| {
            let texts: Vec<(String, Vec<usize>)> = doc.iter().map(|s| s.text()).collect();
            let encoded = texts
                .iter()
                .map(|(t, _)| encode(model.tokenizer(), t))
                .collect::<Result<Vec<_>>>()?;
            Ok(Stream::new(&encoded, |s, w| {
                let start = encoded[s].words[w].start;
                let starts = &texts[s].1;
                let i = starts.partition_point(|&x| x <= start).checked_sub(1)?;
                let tag = doc[s].tags[i];
                let tag = if starts[i] == start {
                    tag
                } else {
                    tag.continuation()
                };
                Some(tag.index() as i64)
            }))
        })
        .collect()
}

/// Fine-tunes `model` on `data`; `after_epoch(epoch, model)` runs after every epoch (to
/// evaluate and save). Returns the mean loss of every epoch.
pub fn fit(
    model: &NerModel,
    data: &[Stream],
    cfg: &FitConfig,
    mut after_epoch: impl FnMut(usize, &NerModel) -> Result<()>,
) -> Result<Vec<f64>> {
    let net = model.network();
    let mut opt = nn::AdamW::default()
        .wd(cfg.weight_decay)
        .build(&net.vs, cfg.lr)?;
    let sentences: usize = data.iter().map(|s| s.lens.len()).sum();
    let lo = cfg.min_pieces.clamp(1, cfg.max_pieces) as i64;
    let plans: Vec<Vec<(usize, Window)>> = (0..cfg.epochs)
        .map(|_| {
            let caps = Vec::<i64>::try_from(Tensor::randint_low(
                lo,
                cfg.max_pieces as i64 + 1,
                [sentences.max(1) as i64],
                (Kind::Int64, Device::Cpu),
            ))?;
            let mut windows: Vec<(usize, Window)> = Vec::new();
            for (d, st) in data.iter().enumerate() {
                let plan = plan_windows(&st.lens, cfg.max_pieces, |k| {
                    caps[(windows.len() + k) % caps.len()] as usize
                });
                windows.extend(plan.into_iter().map(|w| (d, w)));
            }
            let order = Vec::<i64>::try_from(Tensor::randperm(
                windows.len() as i64,
                (Kind::Int64, Device::Cpu),
            ))?;
            Ok(order.into_iter().map(|k| windows[k as usize]).collect())
        })
        .collect::<Result<_>>()?;
    let batch_size = cfg.batch.max(1);
    let total_steps: usize = plans.iter().map(|p| p.len().div_ceil(batch_size)).sum();
    let warmup = ((total_steps as f64) * cfg.warmup).max(1.0);
    let mut step = 0usize;
    let mut losses = Vec::with_capacity(cfg.epochs);
    let started = Instant::now();
    for (epoch, plan) in plans.iter().enumerate() {
        let (mut sum, mut count, mut pieces) = (0.0, 0usize, 0usize);
        for group in plan.chunks(batch_size) {
            let s = step as f64;
            let lr = if s < warmup {
                cfg.lr * (s + 1.0) / warmup
            } else {
                cfg.lr
                    * ((total_steps as f64 - s) / (total_steps as f64 - warmup).max(1.0)).max(0.0)
            };
            opt.set_lr(lr);
            let windows: Vec<(&Stream, Window)> =
                group.iter().map(|&(d, w)| (&data[d], w)).collect();
            let b = batch(&windows);
            let logits = net.forward(&b, true);
            let loss = logits.view([-1, TAGS.len() as i64]).cross_entropy_loss(
                &b.labels.view([-1]),
                None::<Tensor>,
                Reduction::Mean,
                IGNORE,
                0.0,
            );
            opt.backward_step_clip_norm(&loss, cfg.clip);
            let value = loss.double_value(&[]);
            if value.is_finite() {
                sum += value;
                count += 1;
            }
            pieces += windows.iter().map(|(_, w)| w.len() + 2).sum::<usize>();
            step += 1;
            if cfg.log_every > 0 && step.is_multiple_of(cfg.log_every) {
                let secs = started.elapsed().as_secs_f64();
                println!(
                    "epoch {} step {step}/{total_steps} loss {:.4} lr {lr:.2e} {:.0} s elapsed",
                    epoch + 1,
                    sum / count.max(1) as f64,
                    secs
                );
            }
        }
        let mean = sum / count.max(1) as f64;
        println!(
            "epoch {} done: mean loss {mean:.4}, {pieces} pieces, {:.0} s elapsed",
            epoch + 1,
            started.elapsed().as_secs_f64()
        );
        losses.push(mean);
        after_epoch(epoch + 1, model)?;
    }
    Ok(losses)
}

/// Runs `whosaid train-ner`: fine-tunes the base checkpoint and writes the model (with the
/// best dev F1 when a dev file is given) to `opts.out`.
pub fn train(opts: &TrainOptions) -> Result<()> {
    tch::manual_seed(opts.seed);
    match opts.threads {
        Some(n) => tch::set_num_threads(i32::try_from(n).unwrap_or(1)),
        None => super::use_all_cores(),
    }
    let config = read_config(&opts.base.join("config.json"))?;
    let tokenizer = load_tokenizer(&opts.base.join("tokenizer.json"))?;
    let mut net = Network::new(config, NerSettings::new(opts.casing, opts.fit.max_pieces))?;
    let loaded = net.load_base(&opts.base.join("model.safetensors"))?;
    println!(
        "loaded {loaded} tensors of the base checkpoint into a model of {} variables",
        net.vs.len()
    );
    let model = NerModel::from_parts(net, tokenizer, Precision::F32);
    let mut docs: Vec<Document> = Vec::new();
    for path in &opts.train {
        docs.extend(conll::read(path)?);
    }
    if let Some(limit) = opts.limit {
        let mut left = limit;
        for doc in &mut docs {
            doc.truncate(left);
            left -= doc.len();
        }
        docs.retain(|d| !d.is_empty());
    }
    let data = streams(&model, &docs)?;
    println!(
        "training on {} sentences, {} pieces",
        data.iter().map(|s| s.lens.len()).sum::<usize>(),
        data.iter().map(|s| s.ids.len()).sum::<usize>()
    );
    let dev = opts.dev.as_deref().map(conll::read).transpose()?;
    let mut best = f64::NEG_INFINITY;
    fit(&model, &data, &opts.fit, |epoch, model| {
        let f1 = match &dev {
            Some(dev) => {
                let t = Instant::now();
                let score = model.evaluate(dev)?;
                let f1 = score.overall.f1();
                println!(
                    "epoch {epoch} dev ({:.0} s):\n{}",
                    t.elapsed().as_secs_f64(),
                    score.report()
                );
                f1
            }
            None => f64::INFINITY,
        };
        if f1 >= best {
            best = f1;
            save(model, &opts.base.join("tokenizer.json"), &opts.out)?;
            println!("epoch {epoch}: saved to {}", opts.out.display());
        }
        Ok(())
    })?;
    Ok(())
}

/// Writes the model with the tokenizer file it was trained with.
fn save(model: &NerModel, tokenizer: &Path, out: &Path) -> Result<()> {
    model.network().save(out)?;
    std::fs::copy(tokenizer, out.join("tokenizer.json"))
        .with_context(|| format!("cannot copy {}", tokenizer.display()))?;
    Ok(())
}
