//! `--password`, `--password-env` and `--password-file`: the password for PKCS#12 files and
//! encrypted private keys, handed to the core as [`certscope::Password`] (never printed).
//!
//! `--password VALUE` is visible to other users of the machine in the process list;
//! `--password-env NAME` and `--password-file PATH` are not. At most one of them is given.

use certscope::Password;

/// The password options, shared by the subcommands that open encrypted inputs.
#[derive(Default, clap::Args)]
#[group(multiple = false)]
pub struct PasswordArgs {
    /// Password for PKCS#12 files and encrypted keys (visible to other users)
    #[arg(long, value_name = "P")]
    password: Option<String>,
    /// Read the password from the environment variable NAME
    #[arg(long, value_name = "NAME")]
    password_env: Option<String>,
    /// Read the password from the first line of the file PATH
    #[arg(long, value_name = "PATH")]
    password_file: Option<String>,
}

impl PasswordArgs {
    /// The password the options give, if any; an error names the option and the problem.
    pub fn password(&self) -> Result<Option<Password>, String> {
        let secret = if let Some(value) = &self.password {
            value.clone()
        } else if let Some(name) = &self.password_env {
            std::env::var(name).map_err(|_| {
                format!("--password-env: the environment variable {name} is not set")
            })?
        } else if let Some(path) = &self.password_file {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("--password-file: cannot read {path}: {e}"))?;
            text.lines().next().unwrap_or_default().to_owned()
        } else {
            return Ok(None);
        };
        Ok(Some(Password::new(secret)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Test {
        #[command(flatten)]
        password: PasswordArgs,
    }

    fn parse(args: &[&str]) -> Result<Option<Password>, String> {
        let test = Test::try_parse_from(std::iter::once("test").chain(args.iter().copied()))
            .map_err(|e| e.to_string())?;
        test.password.password()
    }

    #[test]
    fn password_forms() {
        assert!(matches!(parse(&["--password", "s3cret"]), Ok(Some(_))));
        assert!(matches!(parse(&["--password=a=b"]), Ok(Some(_))));
        assert!(matches!(parse(&[]), Ok(None)));
        assert!(parse(&["--password"]).is_err());
        let unset = parse(&["--password-env", "CERTSCOPE_TEST_NO_SUCH_VARIABLE"]);
        assert!(unset.is_err_and(|e| e.contains("CERTSCOPE_TEST_NO_SUCH_VARIABLE is not set")));
        // Two sources are a usage error, not "the last one wins".
        assert!(parse(&["--password", "a", "--password-file", "p"]).is_err());
    }
}
