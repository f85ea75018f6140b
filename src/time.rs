//! Time as the core sees it: a value the caller passes in, never read from a clock.

use der::DateTime;
use std::time::Duration;

/// A point in time, in whole seconds since the Unix epoch (UTC).
///
/// certscope never reads a clock: the CLI, the wasm layer or the embedding program decides
/// what "now" is and passes it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct UnixTime(pub u64);

impl UnixTime {
    /// The time as RFC 3339 UTC (`2026-01-31T12:00:00Z`), or `None` when it is outside the
    /// range X.509 can express (years 1970 to 9999).
    pub fn to_rfc3339(self) -> Option<String> {
        DateTime::from_unix_duration(Duration::from_secs(self.0))
            .ok()
            .map(|t| t.to_string())
    }

    /// Parses an RFC 3339 UTC time with a `Z` suffix, e.g. `2026-01-31T12:00:00Z`; fractional
    /// seconds are accepted and dropped.
    pub fn parse_rfc3339(text: &str) -> Option<UnixTime> {
        let text = text.trim();
        let core = text
            .strip_suffix('Z')
            .or_else(|| text.strip_suffix("+00:00"))?;
        let core = core.split('.').next()?;
        let (date, clock) = core.split_once(['T', ' '])?;
        let mut d = date.split('-').map(str::parse::<u16>);
        let mut c = clock.split(':').map(str::parse::<u8>);
        let year = d.next()?.ok()?;
        let month = u8::try_from(d.next()?.ok()?).ok()?;
        let day = u8::try_from(d.next()?.ok()?).ok()?;
        let (hour, minute, second) = (c.next()?.ok()?, c.next()?.ok()?, c.next()?.ok()?);
        if d.next().is_some() || c.next().is_some() {
            return None;
        }
        let dt = DateTime::new(year, month, day, hour, minute, second).ok()?;
        Some(UnixTime(dt.unix_duration().as_secs()))
    }
}

/// Seconds since the Unix epoch, negative before 1970, as RFC 3339 UTC: the exact value of a
/// certificate's UTCTime from 1950 to 1969, which [`UnixTime`] cannot hold.
pub fn signed_rfc3339(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let second_of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = crate::lenient::civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        second_of_day / 3_600,
        second_of_day % 3_600 / 60,
        second_of_day % 60
    )
}

impl From<DateTime> for UnixTime {
    fn from(value: DateTime) -> Self {
        UnixTime(value.unix_duration().as_secs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trip() {
        let t = UnixTime::parse_rfc3339("2026-11-26T23:06:17Z").unwrap();
        assert_eq!(t.0, 1_795_734_377);
        assert_eq!(t.to_rfc3339().unwrap(), "2026-11-26T23:06:17Z");
        assert_eq!(UnixTime::parse_rfc3339("2026-11-26T23:06:17.123Z"), Some(t));
        assert_eq!(UnixTime::parse_rfc3339("2026-13-26T23:06:17Z"), None);
        assert_eq!(UnixTime::parse_rfc3339("yesterday"), None);
    }

    #[test]
    fn signed_times_before_and_after_1970() {
        assert_eq!(signed_rfc3339(-1), "1969-12-31T23:59:59Z");
        assert_eq!(signed_rfc3339(-631_152_000), "1950-01-01T00:00:00Z");
        assert_eq!(signed_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(signed_rfc3339(1_795_734_377), "2026-11-26T23:06:17Z");
    }
}
