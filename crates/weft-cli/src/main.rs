//! The `weft` command: Node's command-line conventions for running a script.

use clap::Parser;

/// Run Node-style JavaScript programs.
#[derive(Parser, Debug)]
#[command(
    name = "weft",
    about = "A small JavaScript runtime with Node's networking",
    disable_version_flag = true,
    override_usage = "weft [options] [script.js | -e \"script\" | -p \"expr\"] [arguments]"
)]
struct Cli {
    /// Evaluate the script.
    #[arg(short = 'e', long = "eval", value_name = "script")]
    eval: Option<String>,
    /// Evaluate the script and print the result.
    #[arg(short = 'p', long = "print", value_name = "script")]
    print: Option<String>,
    /// Print the version.
    #[arg(short = 'v', long = "version")]
    version: bool,
    /// Let scripts require the runtime's internal modules (`internal/...`).
    /// Read by the module loader from `process.execArgv`.
    #[arg(long = "expose-internals")]
    _expose_internals: bool,
    /// The script to run, then its arguments.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "script.js"
    )]
    rest: Vec<String>,
}

fn main() {
    weft::tune_allocator();
    let raw: Vec<String> = std::env::args().collect();
    let cli = Cli::parse();
    if cli.version {
        println!("v{}", weft::VERSION);
        return;
    }
    let exec_path = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| raw.first().cloned().unwrap_or_else(|| "weft".into()));
    // execArgv: the runtime flags before the script (or all flags for -e/-p).
    let n_exec = raw.len().saturating_sub(1 + cli.rest.len());
    let exec_argv: Vec<String> = raw.iter().skip(1).take(n_exec).cloned().collect();

    let mut argv = vec![exec_path.clone()];
    let main = if let Some(code) = cli.eval {
        argv.extend(cli.rest);
        weft::Main::Eval(code)
    } else if let Some(code) = cli.print {
        argv.extend(cli.rest);
        weft::Main::Print(code)
    } else if let Some((script, args)) = cli.rest.split_first() {
        let path = std::path::Path::new(script);
        let abs = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(path))
                .unwrap_or_else(|_| path.to_path_buf())
        };
        let abs = abs.to_string_lossy().into_owned();
        argv.push(abs.clone());
        argv.extend(args.iter().cloned());
        weft::Main::File(abs)
    } else {
        eprintln!("weft: no script given (weft --help for usage)");
        std::process::exit(9);
    };
    let options = weft::Options {
        argv,
        exec_argv,
        exec_path,
        // The process exits right after: let the OS reclaim the engine.
        skip_teardown: true,
    };
    let code = weft::Runtime::new(options).run(main);
    std::process::exit(code);
}
