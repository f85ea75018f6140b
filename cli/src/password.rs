//! `--password`, `--password-env` and `--password-file`: the password for PKCS#12 files and
//! encrypted private keys, handed to the core as [`certscope::Password`] (never printed).
//!
//! `--password VALUE` is visible to other users of the machine in the process list;
//! `--password-env NAME` and `--password-file PATH` are not.

use certscope::Password;

/// Removes the password options from `args` and returns the password they give, if any.
pub fn take_password(args: &mut Vec<String>) -> Result<Option<Password>, String> {
    let mut password = None;
    let mut index = 0;
    while index < args.len() {
        let arg = args.get(index).cloned().unwrap_or_default();
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--password") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        if !matches!(
            flag.as_str(),
            "--password" | "--password-env" | "--password-file"
        ) {
            index += 1;
            continue;
        }
        args.remove(index);
        let value = match inline {
            Some(value) => value,
            None if index < args.len() => args.remove(index),
            None => return Err(format!("{flag} needs a value")),
        };
        let secret = match flag.as_str() {
            "--password" => value,
            "--password-env" => std::env::var(&value).map_err(|_| {
                format!("--password-env: the environment variable {value} is not set")
            })?,
            _ => {
                let text = std::fs::read_to_string(&value)
                    .map_err(|e| format!("--password-file: cannot read {value}: {e}"))?;
                text.lines().next().unwrap_or_default().to_owned()
            }
        };
        password = Some(Password::new(secret));
    }
    Ok(password)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn password_forms() {
        let mut list = args(&["inspect", "--password", "s3cret", "file.p12"]);
        let password = take_password(&mut list).unwrap_or_default();
        assert!(password.is_some());
        assert_eq!(list, args(&["inspect", "file.p12"]));

        let mut list = args(&["--password=a=b", "x"]);
        assert!(take_password(&mut list).unwrap_or_default().is_some());
        assert_eq!(list, args(&["x"]));

        let mut list = args(&["x", "--password"]);
        assert!(take_password(&mut list).is_err());

        let mut list = args(&["x"]);
        assert!(take_password(&mut list).unwrap_or_default().is_none());
    }
}
