namespace CoachPortal.Web.Tests;

/// <summary>
/// A constant-frame-rate WebM clip made in the page, so tests and benches need no video files: every frame is drawn
/// on a canvas (a side-on figure squatting, and its own index in binary as eight black or white squares along the
/// top), encoded to VP8 by WebCodecs with exact timestamps (frame i at i / fps) and written into a minimal WebM.
/// A recording (MediaRecorder) would carry the irregular times at which frames happened to arrive.
/// </summary>
public static class GeneratedClip
{
    /// <summary>Page script: <c>({ frames, fps, width, height })</c> resolves to the WebM's bytes in base64.</summary>
    public const string Encode = """
        async ({ frames, fps, width, height }) => {
          const canvas = new OffscreenCanvas(width, height);
          const g = canvas.getContext('2d');
          const limb = (a, b, w, c) => { g.strokeStyle = c; g.lineWidth = w; g.lineCap = 'round'; g.beginPath(); g.moveTo(a[0], a[1]); g.lineTo(b[0], b[1]); g.stroke(); };
          const draw = (i, t) => {
            const phase = (1 - Math.cos(2 * Math.PI * t / 2)) / 2;
            const knee = Math.PI - phase * Math.PI / 2;
            g.fillStyle = '#d8d4cc'; g.fillRect(0, 0, width, height);
            g.fillStyle = '#9a8f80'; g.fillRect(0, height * 0.9, width, height * 0.1);
            const s = height / 720, ankle = [640 * s, 640 * s], shank = 150 * s, thigh = 150 * s;
            const kneeP = [ankle[0] + Math.sin(phase * 0.5) * shank, ankle[1] - Math.cos(phase * 0.5) * shank];
            const thighDir = -Math.PI / 2 + phase * 0.5 + (Math.PI - knee);
            const hip = [kneeP[0] - Math.cos(thighDir + Math.PI / 2) * thigh, kneeP[1] - Math.sin(thighDir + Math.PI / 2) * thigh];
            const lean = phase * 0.6, torso = 200 * s;
            const shoulder = [hip[0] + Math.sin(lean) * torso, hip[1] - Math.cos(lean) * torso];
            const head = [shoulder[0] + Math.sin(lean) * 60 * s, shoulder[1] - Math.cos(lean) * 60 * s];
            limb(ankle, [ankle[0] + 55 * s, ankle[1] + 10 * s], 26 * s, '#222');
            limb(hip, kneeP, 58 * s, '#1f3a93'); limb(kneeP, ankle, 46 * s, '#e0ac8a');
            limb(hip, shoulder, 90 * s, '#c0392b');
            const hand = [shoulder[0] + 130 * s, shoulder[1] + 10 * s];
            limb(shoulder, [shoulder[0] + 70 * s, shoulder[1] + 40 * s], 30 * s, '#c0392b');
            limb([shoulder[0] + 70 * s, shoulder[1] + 40 * s], hand, 24 * s, '#e0ac8a');
            g.fillStyle = '#e0ac8a'; g.beginPath(); g.ellipse(head[0], head[1], 34 * s, 42 * s, lean, 0, 2 * Math.PI); g.fill();
            g.fillStyle = '#3b2314'; g.beginPath(); g.ellipse(head[0] - 6 * s, head[1] - 22 * s, 34 * s, 22 * s, lean, 0, 2 * Math.PI); g.fill();
            for (let b = 0; b < 8; b++) {
              g.fillStyle = (i >> b) & 1 ? '#ffffff' : '#000000';
              g.fillRect(b * width / 8, 0, width / 8, height / 6);
            }
          };
          const blocks = [];
          let failure = null;
          const encoder = new VideoEncoder({
            output: chunk => { const data = new Uint8Array(chunk.byteLength); chunk.copyTo(data); blocks.push({ key: chunk.type === 'key', ms: Math.round(chunk.timestamp / 1000), data }); },
            error: e => { failure = e; },
          });
          encoder.configure({ codec: 'vp8', width, height, bitrate: 3e6, framerate: fps });
          for (let i = 0; i < frames; i++) {
            draw(i, i / fps);
            const frame = new VideoFrame(canvas, { timestamp: Math.round(i * 1e6 / fps), duration: Math.round(1e6 / fps) });
            encoder.encode(frame, { keyFrame: i % 30 === 0 });
            frame.close();
          }
          await encoder.flush();
          if (failure) { throw failure; }
          // EBML (RFC 8794): ids carry their own length; a size is one byte when under 127, else eight. Short
          // sizes keep the DocType "webm" within the first bytes, where the portal's sniffer looks for it.
          const bytes = a => Uint8Array.from(a);
          const idOf = hex => bytes(hex.match(/../g).map(h => parseInt(h, 16)));
          const len = parts => parts.reduce((n, p) => n + p.length, 0);
          const size = n => { if (n < 127) { return bytes([0x80 | n]); } const b = [0x01]; for (let k = 6; k >= 0; k--) { b.push(Math.floor(n / 2 ** (8 * k)) & 0xff); } return bytes(b); };
          const el = (hex, parts) => [idOf(hex), size(len(parts)), ...parts];
          const uint = (hex, v) => { const b = []; let x = v; do { b.unshift(x & 0xff); x = Math.floor(x / 256); } while (x > 0); return el(hex, [bytes(b)]); };
          const text = (hex, s) => el(hex, [new TextEncoder().encode(s)]);
          const f64 = (hex, v) => { const d = new DataView(new ArrayBuffer(8)); d.setFloat64(0, v); return el(hex, [new Uint8Array(d.buffer)]); };
          const header = el('1A45DFA3', [...uint('4286', 1), ...uint('42F7', 1), ...uint('42F2', 4), ...uint('42F3', 8), ...text('4282', 'webm'), ...uint('4287', 2), ...uint('4285', 2)]);
          const info = el('1549A966', [...uint('2AD7B1', 1000000), ...text('4D80', 'CoachPortal'), ...text('5741', 'CoachPortal'), ...f64('4489', frames * 1000 / fps)]);
          const tracks = el('1654AE6B', el('AE', [...uint('D7', 1), ...uint('73C5', 1), ...uint('83', 1), ...text('86', 'V_VP8'), ...el('E0', [...uint('B0', width), ...uint('BA', height)])]));
          const clusters = [];
          for (let i = 0; i < blocks.length; i += 30) {
            const start = blocks[i].ms;
            const simple = blocks.slice(i, i + 30).flatMap(b => { const rel = b.ms - start; return el('A3', [bytes([0x81, (rel >> 8) & 0xff, rel & 0xff, b.key ? 0x80 : 0]), b.data]); });
            clusters.push(...el('1F43B675', [...uint('E7', start), ...simple]));
          }
          const file = new Uint8Array(await new Blob([...header, ...el('18538067', [...info, ...tracks, ...clusters])]).arrayBuffer());
          let out = '';
          for (let i = 0; i < file.length; i += 0x8000) { out += String.fromCharCode(...file.subarray(i, i + 0x8000)); }
          return btoa(out);
        }
        """;

    /// <summary>
    /// Page script: <c>selector</c> of a video; resolves to the index that the frame on screen shows, read back
    /// from a canvas copy of the video (white square: bit set).
    /// </summary>
    public const string ShownIndex = """
        selector => {
          const v = document.querySelector(selector);
          if (!v || !v.videoWidth) { return -1; }
          const c = document.createElement('canvas');
          c.width = v.videoWidth; c.height = v.videoHeight;
          const g = c.getContext('2d', { willReadFrequently: true });
          g.drawImage(v, 0, 0);
          let n = 0;
          for (let b = 0; b < 8; b++) {
            const p = g.getImageData(Math.floor((b + 0.5) * c.width / 8), Math.floor(c.height / 12), 1, 1).data;
            if (p[0] + p[1] + p[2] > 384) { n |= 1 << b; }
          }
          return n;
        }
        """;
}
