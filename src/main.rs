//! The `whosaid` command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use whosaid::ner::{self, NerModel, NerOptions};
use whosaid::pipeline::{self, Options};

/// Turns press releases into tables of who said what.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reads releases and writes the CSV tables.
    Extract(ExtractArgs),
    /// Fine-tunes the NER model on CoNLL files.
    TrainNer(TrainNerArgs),
    /// Scores the NER model on a CoNLL file (entity-level, conlleval style).
    EvalNer(EvalNerArgs),
    /// Measures NER throughput over releases.
    BenchNer(BenchNerArgs),
}

#[derive(clap::Args)]
struct ModelArgs {
    /// Directory of the NER model (default: the bundled models/ner).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Run the model in f32 instead of bfloat16.
    #[arg(long)]
    fp32: bool,
}

impl ModelArgs {
    fn load(&self) -> Result<NerModel> {
        let dir = self.model.clone().unwrap_or_else(ner::default_model_dir);
        NerModel::load(&dir, &NerOptions { bf16: !self.fp32 })
    }
}

#[derive(clap::Args)]
struct TrainNerArgs {
    /// CoNLL files to train on.
    #[arg(required = true)]
    train: Vec<PathBuf>,
    /// CoNLL file for choosing the best epoch.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Base checkpoint directory (scripts/train-ner.sh passes $WHOSAID_BASE_MODEL).
    #[arg(long)]
    base: PathBuf,
    /// Output model directory.
    #[arg(long)]
    out: PathBuf,
    /// Train without the casing embedding (ablation).
    #[arg(long)]
    no_casing: bool,
    /// Use only the first N training sentences.
    #[arg(long)]
    limit: Option<usize>,
    #[arg(long, default_value_t = 6)]
    epochs: usize,
    #[arg(long, default_value_t = 1e-4)]
    lr: f64,
    #[arg(long, default_value_t = 0.1)]
    warmup: f64,
    #[arg(long, default_value_t = 0.01)]
    weight_decay: f64,
    /// Windows per step.
    #[arg(long, default_value_t = 8)]
    batch: usize,
    #[arg(long, default_value_t = 128)]
    max_pieces: usize,
    #[arg(long, default_value_t = 64)]
    min_pieces: usize,
    #[arg(long, default_value_t = 1.0)]
    clip: f64,
    #[arg(long, default_value_t = 42)]
    seed: i64,
    #[arg(long, default_value_t = 50)]
    log_every: usize,
    /// Torch threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(clap::Args)]
struct EvalNerArgs {
    /// CoNLL file.
    file: PathBuf,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(clap::Args)]
struct BenchNerArgs {
    /// Files or directories of releases.
    #[arg(default_value = "../shared/corpus/prosecutors")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
    /// Torch threads (default: one per core).
    #[arg(long)]
    threads: Option<i32>,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or directories to read (directories recursively, hidden entries skipped).
    #[arg(default_value = "corpus")]
    inputs: Vec<PathBuf>,
    /// Directory for the tables.
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// Worker threads for the rule stages (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Largest input file accepted, in bytes.
    #[arg(long, default_value_t = whosaid::ingest::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Directory of the NER model (default: the bundled models/ner).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Skip the NER model and run the rule stages alone.
    #[arg(long)]
    no_ner: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("whosaid: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::TrainNer(a) => {
            let fit = ner::train::FitConfig {
                epochs: a.epochs,
                lr: a.lr,
                warmup: a.warmup,
                weight_decay: a.weight_decay,
                batch: a.batch,
                max_pieces: a.max_pieces,
                min_pieces: a.min_pieces,
                clip: a.clip,
                log_every: a.log_every,
            };
            ner::train::train(&ner::train::TrainOptions {
                train: a.train,
                dev: a.dev,
                base: a.base,
                out: a.out,
                casing: !a.no_casing,
                limit: a.limit,
                seed: a.seed,
                threads: a.threads,
                fit,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::EvalNer(a) => {
            let model = a.model.load()?;
            let score = model.evaluate(&ner::conll::read(&a.file)?)?;
            print!("{}", score.report());
            Ok(ExitCode::SUCCESS)
        }
        Command::BenchNer(a) => {
            let model = a.model.load()?;
            if let Some(n) = a.threads {
                tch::set_num_threads(n);
            }
            println!("{}", ner::bench::bench(&a.inputs, &model)?.line());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    let model = if args.no_ner {
        None
    } else {
        let dir = args.model.clone().unwrap_or_else(ner::default_model_dir);
        Some(NerModel::load(&dir, &NerOptions { bf16: true })?)
    };
    let options = Options {
        inputs: args.inputs,
        out: args.out,
        max_bytes: args.max_bytes,
        progress: !args.quiet && std::io::stderr().is_terminal(),
    };
    let summary = pipeline::run(&options, model.as_ref())?;
    if !args.quiet {
        eprintln!("{}", summary.line());
    }
    Ok(if summary.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
