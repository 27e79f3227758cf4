//! Training smoke test: a tiny randomly initialised BERT learns the invented CoNLL fixture
//! (loss goes down), and a saved model loads back and tags the same way.

use std::path::Path;

use rust_bert::bert::BertConfig;
use rust_bert::Activation;
use whosaid::ner::model::{NerSettings, Network};
use whosaid::ner::precision::{Precision, PrecisionChoice};
use whosaid::ner::train::{fit, streams, FitConfig};
use whosaid::ner::{conll, load_tokenizer, NerModel, NerOptions};

fn tiny_config() -> BertConfig {
    BertConfig {
        hidden_act: Activation::gelu,
        attention_probs_dropout_prob: 0.0,
        hidden_dropout_prob: 0.0,
        hidden_size: 32,
        initializer_range: 0.02,
        intermediate_size: 64,
        max_position_embeddings: 512,
        num_attention_heads: 2,
        num_hidden_layers: 2,
        type_vocab_size: 2,
        vocab_size: 30522,
        output_attentions: None,
        output_hidden_states: None,
        is_decoder: None,
        id2label: None,
        label2id: None,
    }
}

#[test]
fn a_few_steps_lower_the_loss_and_the_model_round_trips() {
    tch::manual_seed(7);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tokenizer_path = root.join("models/ner/tokenizer.json");
    let tokenizer = load_tokenizer(&tokenizer_path).unwrap();
    let net = Network::new(tiny_config(), NerSettings::new(true, 16)).unwrap();
    let model = NerModel::from_parts(net, tokenizer, Precision::F32);
    let docs = conll::read(&root.join("tests/fixtures/ner-mini.conll")).unwrap();
    let data = streams(&model, &docs).unwrap();
    let cfg = FitConfig {
        epochs: 12,
        lr: 3e-3,
        warmup: 0.1,
        weight_decay: 0.0,
        batch: 4,
        max_pieces: 16,
        min_pieces: 8,
        clip: 1.0,
        log_every: 0,
    };
    let mut epochs_seen = 0;
    let losses = fit(&model, &data, &cfg, |_, _| {
        epochs_seen += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(epochs_seen, 12);
    let (first, last) = (losses[0], losses[losses.len() - 1]);
    assert!(last < first * 0.7, "loss did not go down: {losses:?}");

    let before = model.evaluate(&docs).unwrap();
    let dir = tempfile::tempdir().unwrap();
    model.network().save(dir.path()).unwrap();
    std::fs::copy(&tokenizer_path, dir.path().join("tokenizer.json")).unwrap();
    let loaded = NerModel::load(
        dir.path(),
        &NerOptions {
            precision: PrecisionChoice::Fixed(Precision::F32),
        },
    )
    .unwrap();
    let after = loaded.evaluate(&docs).unwrap();
    assert_eq!(before.overall.gold, after.overall.gold);
    // Weights are stored as f16: the tags may move a little, not much.
    let drift = (before.overall.f1() - after.overall.f1()).abs();
    assert!(drift < 10.0, "before {before:?} after {after:?}");
}
