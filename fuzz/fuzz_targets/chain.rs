//! Path building and validation over a bag of certificates, with and without a host name.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| certscope_fuzz::chain(data));
