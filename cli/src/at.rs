//! The analysis time: `--at RFC3339`, or the current time when it is not given (the core itself
//! never reads a clock).

use certscope::time::UnixTime;

/// Parses `--at`'s value; the error says what is expected, in words.
pub fn parse(text: &str) -> Result<UnixTime, String> {
    UnixTime::parse_rfc3339(text)
        .ok_or_else(|| "expected an RFC 3339 UTC time such as 2026-01-31T12:00:00Z".to_owned())
}

/// The time given, or now.
pub fn or_now(time: Option<UnixTime>) -> UnixTime {
    time.unwrap_or_else(|| {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        UnixTime(seconds)
    })
}
