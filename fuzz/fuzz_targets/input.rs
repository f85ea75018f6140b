//! The input detector (`certscope::parse_input`) on raw bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| certscope_fuzz::input(data));
