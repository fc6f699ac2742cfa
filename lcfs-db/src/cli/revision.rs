//! A version as the commands take it: a number, `head` or `base`.

use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revision {
    Base,
    Head,
    Version(i32),
}

impl Revision {
    /// The version number, given the head of the embedded set.
    pub fn resolve(self, head: i32) -> i32 {
        match self {
            Revision::Base => 0,
            Revision::Head => head,
            Revision::Version(v) => v,
        }
    }
}

impl FromStr for Revision {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "base" => Ok(Revision::Base),
            "head" => Ok(Revision::Head),
            _ => s
                .trim_start_matches(['V', 'v'])
                .parse()
                .map(Revision::Version)
                .map_err(|_| format!("{s:?} is not a version: give a number, `head` or `base`")),
        }
    }
}
