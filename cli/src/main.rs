mod lint;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = match args.first().map(String::as_str) {
        Some("lint") => lint::run(args.get(1..).unwrap_or_default()),
        _ => {
            eprintln!("usage: certscope lint [--json] [--profile NAME] FILE");
            2
        }
    };
    std::process::exit(status);
}
