//! Ogg with Opus: pages of packets; the second packet, `OpusTags`, is the only one with
//! words in it (the encoder's name, and any comments), and it is replaced by an empty one.

use super::NotARecording;
use ogg::{PacketReader, PacketWriteEndInfo, PacketWriter};

pub fn clean(input: &[u8]) -> Result<Vec<u8>, NotARecording> {
    let mut reader = PacketReader::new(std::io::Cursor::new(input));
    let mut writer = PacketWriter::new(Vec::with_capacity(input.len()));
    let mut stream = None;
    let mut index = 0usize;
    while let Some(packet) = reader.read_packet().map_err(|_| NotARecording)? {
        // One stream: the recorder's.
        if *stream.get_or_insert(packet.stream_serial()) != packet.stream_serial() {
            return Err(NotARecording);
        }
        let (serial, last_in_stream, last_in_page, absgp) = (
            packet.stream_serial(),
            packet.last_in_stream(),
            packet.last_in_page(),
            packet.absgp_page(),
        );
        let data = match index {
            0 if packet.data.starts_with(b"OpusHead") => packet.data,
            0 => return Err(NotARecording),
            1 if packet.data.starts_with(b"OpusTags") => {
                // No vendor string, no comment.
                let mut empty = b"OpusTags".to_vec();
                empty.extend(0u32.to_le_bytes());
                empty.extend(0u32.to_le_bytes());
                empty
            }
            1 => return Err(NotARecording),
            _ => packet.data,
        };
        let end = if last_in_stream {
            PacketWriteEndInfo::EndStream
        } else if last_in_page || index < 2 {
            // Each header packet ends its page, as the format asks.
            PacketWriteEndInfo::EndPage
        } else {
            PacketWriteEndInfo::NormalPacket
        };
        writer
            .write_packet(data, serial, end, absgp)
            .map_err(|_| NotARecording)?;
        index += 1;
    }
    if index < 2 {
        return Err(NotARecording);
    }
    Ok(writer.into_inner())
}
