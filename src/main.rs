//! The `whosaid` command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use whosaid::ner::precision::PrecisionChoice;
use whosaid::ner::{self, NerModel, NerOptions};
use whosaid::pipeline::{self, Options, Shard};
use whosaid::speaker::SpeakerModel;

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
    /// Runs `extract` several times over the same inputs and prints median timings.
    Bench(BenchArgs),
    /// Joins the output directories of shard runs into the tables of a single run, entity
    /// resolution included.
    Merge(MergeArgs),
    /// Reads JSON Lines releases on stdin and writes one JSON Lines result per release on
    /// stdout, as a worker inside a distributed engine (Spark's RDD.pipe, Ray, Beam).
    Stream(StreamArgs),
    /// Fine-tunes the NER model on CoNLL files.
    TrainNer(TrainNerArgs),
    /// Scores the NER model on a CoNLL file (entity-level, conlleval style).
    EvalNer(EvalNerArgs),
    /// Measures NER throughput over releases.
    BenchNer(BenchNerArgs),
    /// Writes training data for the NER model's press-release head: the gold of annotated
    /// releases (`NAME.txt` + `NAME.json`) projected onto their sentences.
    NerData(NerDataArgs),
    /// Trains the press-release head on data written by `ner-data` (the encoder stays as
    /// it is).
    TrainPressHead(TrainPressHeadArgs),
    /// Cross-validates the press-release head recipe over data written by `ner-data`
    /// (folds by release), printing span scores per label.
    CvPress(CvPressArgs),
    /// Scores the model's press-release head on data written by `ner-data`.
    EvalPress(EvalPressArgs),
    /// Writes labelled candidate rows for the speaker model from gold directories
    /// (`NAME.txt` + `NAME.json`).
    SpeakerData(SpeakerDataArgs),
    /// Fits the speaker model on rows written by `speaker-data`.
    TrainSpeaker(TrainSpeakerArgs),
}

#[derive(clap::Args)]
struct SpeakerDataArgs {
    /// Gold directories.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The JSON Lines file to write.
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(clap::Args)]
struct TrainSpeakerArgs {
    /// Row files written by `speaker-data`.
    #[arg(required = true)]
    rows: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// A file of gold file names (one per line) whose rows are left out: the fold scored.
    #[arg(long, value_name = "FILE")]
    exclude: Option<PathBuf>,
    /// L2 penalty of the logistic regression.
    #[arg(long, default_value_t = 1.0)]
    alpha: f64,
}

/// Which NER model to load.
#[derive(clap::Args)]
struct NerArgs {
    /// Directory of the NER model (default: the bundled models/ner).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Numeric backend of the model: auto (time each on this CPU once, then run the
    /// fastest whose CoNLL F1 recorded with the model is at least 90), f32, bf16 or int8.
    #[arg(long, default_value = "auto", value_name = "auto|f32|bf16|int8")]
    precision: PrecisionChoice,
}

impl NerArgs {
    fn load(&self) -> Result<NerModel> {
        let dir = self.model.clone().unwrap_or_else(ner::default_model_dir);
        NerModel::load(
            &dir,
            &NerOptions {
                precision: self.precision,
            },
        )
    }
}

/// The model and threads of the commands that run the pipeline.
#[derive(clap::Args)]
struct ModelArgs {
    #[command(flatten)]
    ner: NerArgs,
    /// Skip the NER model and run the rule stages alone.
    #[arg(long)]
    no_ner: bool,
    /// Worker threads for the rule stages (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// The speaker model file (default: the bundled models/speaker/model.json).
    #[arg(long, value_name = "FILE")]
    speaker_model: Option<PathBuf>,
    /// A directory holding the press-release head to run (`press.json`,
    /// `press.safetensors`) instead of the model directory's own (e.g. a head trained
    /// without the releases extracted, for cross-validation).
    #[arg(long, value_name = "DIR")]
    press_head: Option<PathBuf>,
    /// Run the CoNLL head alone: no press-release spans for the entity rules.
    #[arg(long, conflicts_with = "press_head")]
    no_press: bool,
}

impl ModelArgs {
    /// Starts the worker threads and loads the model, as the arguments say.
    fn load(&self) -> Result<Option<NerModel>> {
        if let Some(n) = self.threads {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global()
                .context("cannot start the worker threads")?;
        }
        if self.no_ner {
            return Ok(None);
        }
        let mut model = self.ner.load()?;
        if self.no_press {
            model.drop_press_head();
        }
        if let Some(dir) = &self.press_head {
            model.use_press_head(dir)?;
        }
        Ok(Some(model))
    }

    /// The speaker model the arguments name.
    fn speaker(&self) -> Result<SpeakerModel> {
        match &self.speaker_model {
            Some(path) => SpeakerModel::load(path),
            None => Ok(SpeakerModel::bundled().clone()),
        }
    }
}

#[derive(clap::Args)]
struct StreamArgs {
    #[command(flatten)]
    model: ModelArgs,
    /// Releases read before each batched model call (a batch is also flushed at the end
    /// of the input).
    #[arg(long, default_value_t = 64)]
    batch: usize,
}

#[derive(clap::Args)]
struct MergeArgs {
    /// Directory for the joined tables.
    out: PathBuf,
    /// Output directories of the shards, in shard order (0 to N-1).
    #[arg(required = true)]
    parts: Vec<PathBuf>,
    /// No summary line.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(clap::Args)]
struct BenchArgs {
    #[command(flatten)]
    extract: ExtractArgs,
    /// Number of runs.
    #[arg(long, default_value_t = 5)]
    runs: usize,
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
    model: NerArgs,
}

#[derive(clap::Args)]
struct BenchNerArgs {
    /// Files or directories of releases.
    #[arg(default_value = "../shared/corpus/prosecutors")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    model: NerArgs,
    /// Batches run side by side (default: one per core).
    #[arg(long)]
    workers: Option<usize>,
    /// Torch threads per batch.
    #[arg(long, default_value_t = 1)]
    torch_threads: i32,
    /// Run the CoNLL head alone, without the press-release head the model may have.
    #[arg(long)]
    no_press: bool,
}

#[derive(clap::Args)]
struct NerDataArgs {
    /// Gold directories.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The JSON Lines file to write.
    #[arg(long)]
    out: PathBuf,
    /// The model whose CoNLL ORG mentions outside the gold's agencies are labelled ORG.
    #[command(flatten)]
    model: NerArgs,
    /// Label no ORG spans (and load no model).
    #[arg(long)]
    no_org: bool,
}

/// The press head's recipe.
#[derive(clap::Args)]
struct HeadArgs {
    /// Encoder layers whose outputs the head reads, joined (1 is the first).
    #[arg(long, value_delimiter = ',', default_value = "2,4,6")]
    layers: Vec<usize>,
    /// Hidden units of the head (0: linear).
    #[arg(long, default_value_t = 0)]
    hidden: usize,
    #[arg(long, default_value_t = 20)]
    epochs: usize,
    #[arg(long, default_value_t = 1e-3)]
    lr: f64,
    #[arg(long, default_value_t = 0.01)]
    weight_decay: f64,
    /// Words per step.
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// Dropout on the features.
    #[arg(long, default_value_t = 0.1)]
    dropout: f64,
    #[arg(long, default_value_t = 42)]
    seed: i64,
    /// Torch threads.
    #[arg(long, default_value_t = 1)]
    threads: i32,
}

impl HeadArgs {
    fn config(&self) -> ner::press::HeadConfig {
        tch::set_num_threads(self.threads);
        ner::press::HeadConfig {
            layers: self.layers.clone(),
            hidden: self.hidden,
            epochs: self.epochs,
            lr: self.lr,
            weight_decay: self.weight_decay,
            batch: self.batch,
            dropout: self.dropout,
            seed: self.seed,
        }
    }
}

#[derive(clap::Args)]
struct TrainPressHeadArgs {
    /// Data files written by `ner-data`.
    #[arg(required = true)]
    data: Vec<PathBuf>,
    /// Directory to write the head into (`press.json`, `press.safetensors`): the model
    /// directory, to ship it.
    #[arg(long)]
    out: PathBuf,
    /// A file of gold file names (one per line) whose releases are left out.
    #[arg(long, value_name = "FILE")]
    exclude: Option<PathBuf>,
    /// The encoder's model directory (default: the bundled models/ner), run in f32.
    #[arg(long)]
    model: Option<PathBuf>,
    #[command(flatten)]
    head: HeadArgs,
}

#[derive(clap::Args)]
struct CvPressArgs {
    /// Data files written by `ner-data`.
    #[arg(required = true)]
    data: Vec<PathBuf>,
    /// Number of folds.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// The encoder's model directory (default: the bundled models/ner), run in f32.
    #[arg(long)]
    model: Option<PathBuf>,
    #[command(flatten)]
    head: HeadArgs,
}

#[derive(clap::Args)]
struct EvalPressArgs {
    /// Data files written by `ner-data`.
    #[arg(required = true)]
    data: Vec<PathBuf>,
    #[command(flatten)]
    model: NerArgs,
    /// A directory holding the head to score (`press.json`, `press.safetensors`), instead
    /// of the model directory's own.
    #[arg(long, value_name = "DIR")]
    head: Option<PathBuf>,
    /// Also print every span the head and the data disagree on (file, found/missed,
    /// label, words), tab-separated, before the scores.
    #[arg(long)]
    errors: bool,
}

/// Reads the data files of the press head.
fn press_data(files: &[PathBuf]) -> Result<Vec<ner::press::Labelled>> {
    let mut data = Vec::new();
    for f in files {
        data.extend(ner::press::read_labelled(f)?);
    }
    Ok(data)
}

/// Loads the encoder for training the press head: f32, as in training.
fn press_encoder(dir: Option<&PathBuf>) -> Result<NerModel> {
    let dir = dir.cloned().unwrap_or_else(ner::default_model_dir);
    NerModel::load(
        &dir,
        &NerOptions {
            precision: PrecisionChoice::Fixed(ner::precision::Precision::F32),
        },
    )
}

/// The file names listed in `path`, one per line.
fn names_in(path: Option<&PathBuf>) -> Result<std::collections::HashSet<String>> {
    let Some(path) = path else {
        return Ok(Default::default());
    };
    Ok(std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or directories to read (directories recursively, hidden entries skipped).
    #[arg(default_value = "corpus")]
    inputs: Vec<PathBuf>,
    /// Directory for the tables.
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Largest input file accepted, in bytes.
    #[arg(long, default_value_t = whosaid::ingest::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    #[command(flatten)]
    model: ModelArgs,
    /// Process only part K of N (from 0) of the sorted input files; the tables of shards
    /// 0..N concatenated in order equal those of one run.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    /// Reprocess every file instead of replaying unchanged ones from the previous run's
    /// cache (OUT/.whosaid-cache).
    #[arg(long)]
    no_cache: bool,
    /// Also write the tables to this SQLite quote database (upserted by release), and
    /// NAME.metadata.json beside it for Datasette.
    #[arg(long, value_name = "FILE")]
    sqlite: Option<PathBuf>,
}

/// How many compiled kernels oneDNN keeps (`ONEDNN_PRIMITIVE_CACHE_CAPACITY`, default
/// 1,024). Each batch shape (rows × width, a few hundred of them) needs about six, and
/// batches come in length order, so a smaller cache is swept clean on every model call and
/// kernels are compiled again and again: `bench ../shared/corpus --runs 3` took 175.4 s
/// (42 s of it in the kernel) with the default and 157.5 s (6 s) with 8,192, at the same
/// peak memory.
const ONEDNN_KERNEL_CACHE: &str = "8192";

fn main() -> ExitCode {
    // oneDNN reads this once, at its first use; no thread has started yet. A value the
    // user set wins.
    if std::env::var_os("ONEDNN_PRIMITIVE_CACHE_CAPACITY").is_none() {
        std::env::set_var("ONEDNN_PRIMITIVE_CACHE_CAPACITY", ONEDNN_KERNEL_CACHE);
    }
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
        Command::Bench(args) => bench(args),
        Command::Stream(args) => stream(args),
        Command::SpeakerData(a) => {
            let model = a.model.load()?;
            let rows = whosaid::speaker::train::rows(
                &a.inputs,
                model.as_ref(),
                whosaid::ingest::DEFAULT_MAX_BYTES,
            )?;
            let file = std::fs::File::create(&a.out)
                .with_context(|| format!("cannot write {}", a.out.display()))?;
            whosaid::speaker::train::write_rows(&rows, std::io::BufWriter::new(file))?;
            eprintln!("{} labelled quotations", rows.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::TrainSpeaker(a) => {
            let mut rows = Vec::new();
            for path in &a.rows {
                rows.extend(whosaid::speaker::train::read_rows(path)?);
            }
            let exclude = names_in(a.exclude.as_ref())?;
            let names: Vec<String> = a.rows.iter().map(|p| p.display().to_string()).collect();
            let options = whosaid::speaker::train::TrainOptions {
                alpha: a.alpha,
                trained_on: format!(
                    "{} (alpha {}, {} files left out)",
                    names.join(" "),
                    a.alpha,
                    exclude.len()
                ),
                exclude,
            };
            let model = whosaid::speaker::train::train(&rows, &options)?;
            model.save(&a.out)?;
            eprintln!("threshold {:.2}", model.threshold);
            Ok(ExitCode::SUCCESS)
        }
        Command::Merge(args) => {
            let summary = pipeline::merge(&args.out, &args.parts)?;
            if !args.quiet {
                eprintln!("{}", summary.line());
            }
            Ok(ExitCode::SUCCESS)
        }
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
            // On stderr: the report ends with `f1=`, which scripts read as its last line.
            eprintln!("backend {}", model.selection());
            print!("{}", score.report());
            Ok(ExitCode::SUCCESS)
        }
        Command::NerData(a) => {
            let model = (!a.no_org).then(|| a.model.load()).transpose()?;
            let (data, coverage) = ner::project::from_gold(
                &a.inputs,
                whosaid::ingest::DEFAULT_MAX_BYTES,
                model.as_ref(),
            )?;
            let file = std::fs::File::create(&a.out)
                .with_context(|| format!("cannot write {}", a.out.display()))?;
            ner::press::write_labelled(&data, std::io::BufWriter::new(file))?;
            eprint!("{} releases\n{}", data.len(), coverage.report());
            Ok(ExitCode::SUCCESS)
        }
        Command::TrainPressHead(a) => {
            let cfg = a.head.config();
            let exclude = names_in(a.exclude.as_ref())?;
            let data = ner::press::without(press_data(&a.data)?, &exclude);
            let model = press_encoder(a.model.as_ref())?;
            let features = ner::press::Features::compute(&model, &data, &cfg.layers)?;
            let mut head = ner::press::fit(&features, &ner::press::all(&features), &cfg, true)?;
            let names: Vec<String> = a.data.iter().map(|p| p.display().to_string()).collect();
            head.set_trained_on(format!(
                "{} ({} releases, {} files left out); {cfg:?}",
                names.join(" "),
                data.len(),
                exclude.len()
            ));
            head.save(&a.out)?;
            eprintln!("press head written to {}", a.out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::CvPress(a) => {
            let cfg = a.head.config();
            let data = press_data(&a.data)?;
            let model = press_encoder(a.model.as_ref())?;
            let features = ner::press::Features::compute(&model, &data, &cfg.layers)?;
            let scores = ner::press::cross_validate(&features, a.folds, &cfg)?;
            let mut pooled = ner::press::SpanScore::default();
            for (k, score) in scores.iter().enumerate() {
                let (p, r, f) = score.overall().prf();
                println!("fold {k}: precision {p:.2} recall {r:.2} F1 {f:.2}");
                pooled.merge(score);
            }
            println!(
                "== {}-fold cross-validation, {} releases, folds pooled ({cfg:?})",
                a.folds,
                data.len()
            );
            print!("{}", pooled.report());
            Ok(ExitCode::SUCCESS)
        }
        Command::EvalPress(a) => {
            let mut model = a.model.load()?;
            if let Some(dir) = &a.head {
                model.use_press_head(dir)?;
            }
            let data = press_data(&a.data)?;
            let (score, disagreements) = ner::press::evaluate(&model, &data)?;
            if a.errors {
                for d in &disagreements {
                    println!("{}", d.line());
                }
            }
            eprintln!("backend {}", model.selection());
            print!("{}", score.report());
            Ok(ExitCode::SUCCESS)
        }
        Command::BenchNer(a) => {
            rayon::ThreadPoolBuilder::new()
                .num_threads(a.workers.unwrap_or(0))
                .build_global()
                .context("cannot start the worker threads")?;
            let mut model = a.model.load()?;
            if a.no_press {
                model.drop_press_head();
            }
            tch::set_num_threads(a.torch_threads);
            println!(
                "{}; backend {}",
                ner::bench::bench(&a.inputs, &model)?.line(),
                model.selection()
            );
            if let Some(probe) = model.selection().probe_line() {
                println!("probe: {probe}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The run's summary line, with the model's backend and why it was chosen.
fn summary_line(summary: &pipeline::Summary, model: Option<&NerModel>) -> String {
    match model {
        Some(model) => format!("{}; NER {}", summary.line(), model.selection()),
        None => summary.line(),
    }
}

fn stream(args: StreamArgs) -> Result<ExitCode> {
    let model = args.model.load()?;
    let stdin = std::io::stdin().lock();
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let speaker = args.model.speaker()?;
    let summary = pipeline::stream(stdin, stdout, model.as_ref(), &speaker, args.batch)?;
    eprintln!("{}", summary_line(&summary, model.as_ref()));
    Ok(if summary.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Loads the model and turns the arguments into run options.
fn prepare(args: ExtractArgs) -> Result<(Options, Option<NerModel>)> {
    let model = args.model.load()?;
    let speaker = args.model.speaker()?;
    let options = Options {
        inputs: args.inputs,
        out: args.out,
        max_bytes: args.max_bytes,
        sqlite: args.sqlite,
        shard: args.shard,
        incremental: !args.no_cache,
        speaker,
    };
    Ok((options, model))
}

/// What the command line shows of a run: each problem as `whosaid: PATH: REASON` on
/// stderr, and a progress bar when `progress` (stderr a terminal, not `--quiet`).
struct Reporter {
    bar: ProgressBar,
}

impl Reporter {
    fn new(progress: bool) -> Reporter {
        let target = if progress {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(
            ProgressStyle::with_template(
                "{elapsed_precise} [{bar:40}] {pos}/{len} files ({eta} left)",
            )
            .expect("static template")
            .progress_chars("=> "),
        );
        Reporter { bar }
    }

    /// For a run with the command line's `--quiet`.
    fn for_run(quiet: bool) -> Reporter {
        Reporter::new(!quiet && std::io::stderr().is_terminal())
    }

    fn event(&mut self, event: pipeline::Event<'_>) {
        match event {
            pipeline::Event::Started { files } => {
                self.bar.reset();
                self.bar.set_length(files as u64);
            }
            pipeline::Event::Problem { path, reason } => {
                self.bar.suspend(|| eprintln!("whosaid: {path}: {reason}"));
            }
            pipeline::Event::Progress { files } => self.bar.inc(files as u64),
            pipeline::Event::Finished => self.bar.finish_and_clear(),
        }
    }
}

fn bench(args: BenchArgs) -> Result<ExitCode> {
    let mut reporter = Reporter::for_run(args.extract.quiet);
    let (options, model) = prepare(args.extract)?;
    let report = whosaid::bench::run(&options, model.as_ref(), args.runs, &mut |e| {
        reporter.event(e)
    })?;
    println!("{report}");
    Ok(ExitCode::SUCCESS)
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let quiet = args.quiet;
    let mut reporter = Reporter::for_run(quiet);
    let (options, model) = prepare(args)?;
    let summary = pipeline::run(&options, model.as_ref(), &mut |e| reporter.event(e))?;
    if !quiet {
        eprintln!("{}", summary_line(&summary, model.as_ref()));
    }
    Ok(if summary.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
