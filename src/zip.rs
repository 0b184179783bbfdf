//! A zip archive of a few files, stored (not compressed): the projection's download, its CSV beside
//! a README. Small enough to write here (a zip crate would bring a deflate coder the page does not
//! need); any unzip tool reads it (a test opens it with Python's `zipfile`).
//!
//! Every file is dated 1 Jan 1980 00:00, the earliest date the format holds, as reproducible
//! archives are: the README says when the download was made, and writing the day in MS-DOS's
//! format would cost the page more than it tells.

/// The CRC-32 of `bytes` (ISO-HDLC, as zip, gzip and PNG use it): `crc32(b"123456789")` is
/// `0xCBF43926`. Bit by bit, without a table: the files are small and the code is shorter.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// Appends `prefix`, then each of `fields` as four bytes, little-endian: a zip header is a fixed
/// start followed by numbers.
fn put(out: &mut Vec<u8>, prefix: &[u8], fields: &[u32]) {
    out.extend_from_slice(prefix);
    for field in fields {
        out.extend_from_slice(&field.to_le_bytes());
    }
}

/// 00:00 on 1 Jan 1980 as MS-DOS writes a time and a date (the date in the high half).
const DOS_EPOCH: u32 = 0x0021_0000;

/// A zip archive of `files` (name, contents), stored, in the order given. Names are ASCII; each
/// file is under 4 GB and there are fewer than 65,535 (no Zip64).
pub fn stored(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for &(name, contents) in files {
        // What the local header and the directory entry share, after "version needed", no flags
        // and "stored": the time and date, the CRC, both sizes, the name's length and no extra field.
        let size = contents.len() as u32;
        let fields = [DOS_EPOCH, crc32(contents), size, size, name.len() as u32];
        let offset = out.len() as u32;
        put(&mut out, b"PK\x03\x04\x0a\0\0\0\0\0", &fields);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(contents);
        // The directory entry: made by version 2.0, version 1.0 needed, the same fields, then no
        // comment, disk 0, no attributes, and where the local header is.
        put(&mut directory, b"PK\x01\x02\x14\0\x0a\0\0\0\0\0", &fields);
        put(&mut directory, &[0; 10], &[offset]);
        directory.extend_from_slice(name.as_bytes());
    }
    // The end record: disk 0 holds every entry, then the directory's size and offset, no comment.
    let fields = [
        files.len() as u32 * 0x0001_0001,
        directory.len() as u32,
        out.len() as u32,
    ];
    out.append(&mut directory);
    put(&mut out, b"PK\x05\x06\0\0\0\0", &fields);
    out.extend_from_slice(&[0, 0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_the_check_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"a"), 0xE8B7_BE43);
    }

    #[test]
    fn an_archive_has_its_headers_where_the_format_puts_them() {
        let zip = stored(&[("a.txt", b"hello")]);
        assert!(zip.starts_with(b"PK\x03\x04\x0a\0\0\0\0\0\0\0"));
        // 30-byte header, name, contents, 46-byte entry, name, 22-byte end record.
        assert_eq!(zip.len(), 30 + 5 + 5 + 46 + 5 + 22);
        let end = &zip[zip.len() - 22..];
        assert_eq!(&end[..4], b"PK\x05\x06");
        assert_eq!(&end[8..12], &[1, 0, 1, 0]);
        // 00:00 on 1 Jan 1980, the CRC and both sizes.
        assert_eq!(&zip[10..14], &[0, 0, 0x21, 0]);
        assert_eq!(&zip[14..18], &crc32(b"hello").to_le_bytes());
        assert_eq!(&zip[18..26], &[5, 0, 0, 0, 5, 0, 0, 0]);
    }

    /// Python's `zipfile` (the standard library's) lists the files, checks each CRC and reads them back.
    #[test]
    fn a_standard_unzip_reads_it() {
        use std::io::Write;
        use std::process::{Command, Stdio};
        let csv = "year,share\n2025,0.5\n".repeat(300);
        let readme = "Rare-Earth Outlook \u{2014} README\n";
        let zip = stored(&[
            ("ree-outlook-projection.csv", csv.as_bytes()),
            ("README.txt", readme.as_bytes()),
        ]);
        let script = "import io, sys, zipfile\n\
            z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))\n\
            assert z.testzip() is None\n\
            for i in z.infolist():\n\
            \x20   assert i.compress_type == zipfile.ZIP_STORED and i.date_time == (1980, 1, 1, 0, 0, 0), i\n\
            \x20   sys.stdout.buffer.write(i.filename.encode() + b'\\0' + z.read(i) + b'\\0')\n";
        let child = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn();
        let Ok(mut child) = child else {
            panic!("python3 is needed to check the archive");
        };
        if let Some(mut stdin) = child.stdin.take() {
            assert!(stdin.write_all(&zip).is_ok());
        }
        let output = child.wait_with_output();
        let Ok(output) = output else {
            panic!("python3 did not finish");
        };
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let expected =
            format!("ree-outlook-projection.csv\0{csv}\0README.txt\0{readme}\0").into_bytes();
        assert!(output.stdout == expected, "the files read back differ");
    }
}
