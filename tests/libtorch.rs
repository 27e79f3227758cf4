//! libtorch is found without LD_LIBRARY_PATH (rpath from build.rs) and computes.

use tch::{Device, Kind, Tensor};

#[test]
fn libtorch_loads_and_multiplies_matrices() {
    let a = Tensor::from_slice(&[1.0f32, 2.0, 3.0, 4.0]).reshape([2, 2]);
    let b = Tensor::from_slice(&[5.0f32, 6.0, 7.0, 8.0]).reshape([2, 2]);
    let c = a.matmul(&b);
    let got: Vec<f32> = Vec::try_from(c.flatten(0, 1)).unwrap();
    assert_eq!(got, vec![19.0, 22.0, 43.0, 50.0]);
    assert_eq!(c.kind(), Kind::Float);
    assert_eq!(c.device(), Device::Cpu);
}

#[test]
fn libtorch_runs_bfloat16() {
    let a = Tensor::ones([4, 4], (Kind::BFloat16, Device::Cpu));
    let s = a.matmul(&a).sum(Kind::Float).double_value(&[]);
    assert_eq!(s, 64.0);
}
