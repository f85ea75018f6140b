mod limbo;
mod verify;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("verify") => verify::run(args.get(1..).unwrap_or_default()),
        Some("limbo") => limbo::run(args.get(1..).unwrap_or_default()),
        _ => {
            eprintln!("usage: certscope verify|limbo ...");
            2
        }
    };
    std::process::exit(code);
}
