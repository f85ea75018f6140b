// Used by `certscope inspect` to fill `InputOptions::password`.
#[cfg_attr(not(test), allow(dead_code))]
mod password;

fn main() {}
