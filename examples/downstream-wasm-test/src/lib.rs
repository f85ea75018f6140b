//! A stand-in for a downstream project: it ships a device certificate and its test root.

/// The device certificate the project provisions.
pub const DEVICE_PEM: &str = include_str!("../certs/device.pem");
/// The private root CA that issues device certificates.
pub const ROOT_PEM: &str = include_str!("../certs/root.pem");
