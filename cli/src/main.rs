//! The `certscope` command line.

mod roles;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("roles") => roles::run(args.get(1..).unwrap_or_default()),
        _ => Err("usage: certscope roles [--json] FILE [FILE]".to_owned()),
    };
    match result {
        Ok(text) => println!("{}", text.trim_end()),
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    }
}
