//! Host-name, e-mail, URI and IP matching against the certificates after a NUL byte.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| certscope_fuzz::host_name(data));
