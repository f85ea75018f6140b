//! The `certscope` command line.

mod lint;
// Used by `certscope inspect` to fill `InputOptions::password`.
#[cfg_attr(not(test), allow(dead_code))]
mod password;
mod roles;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let status = match args.first().map(String::as_str) {
        Some("lint") => lint::run(rest),
        Some("roles") => match roles::run(rest) {
            Ok(text) => {
                println!("{}", text.trim_end());
                0
            }
            Err(message) => {
                eprintln!("{message}");
                2
            }
        },
        _ => {
            eprintln!("usage: certscope lint|roles ...");
            2
        }
    };
    std::process::exit(status);
}
