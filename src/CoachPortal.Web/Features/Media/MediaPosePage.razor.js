// BlazePose (@mediapipe/pose, served from /lib/mediapipe/pose with its WASM and models, so it works offline) on the
// coach's own device. The package is a classic script that defines `Pose` on the global object; it is imported for
// that side effect when pose is first tracked, so the compare page can share the frame stepping below without it.
const poseScript = '/lib/mediapipe/pose/pose.js';

// BlazePose's skeleton: shoulders, arms, trunk, legs, feet.
const bones = [[11, 12], [11, 13], [13, 15], [12, 14], [14, 16], [11, 23], [12, 24], [23, 24], [23, 25], [25, 27],
  [24, 26], [26, 28], [27, 29], [28, 30], [29, 31], [30, 32], [27, 31], [28, 32]];
const perFrame = 33 * 4;
const batchFrames = 60;
const views = new WeakMap();
// Frame rates that cameras and encoders use; a measured rate within 1 % of one is taken as that rate.
const commonRates = [23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60, 90, 100, 119.88, 120, 240];

// Attaches the overlay, the frame counter and the , and . keys to a video. The frame rate is the stored keypoints'
// or, for a clip without them, measured from the frames the browser presents. Returns the rate and whether it was
// measured (null when neither is known).
export async function attach(video, canvas, mediaId, fps, counter, keys = true) {
  const view = { video, canvas, mediaId, fps, counter, keypoints: null, handle: 0, frame: 0, mediaTime: null, chart: 'joint-angles', offsetSeconds: 0 };
  views.set(video, view);
  const draw = () => paint(view);
  video.addEventListener('seeked', () => { if (view.seeking === undefined) { view.frame = frameAt(view, video.currentTime); } view.seeking = undefined; draw(); });
  video.addEventListener('timeupdate', () => { if (!('requestVideoFrameCallback' in video)) { view.frame = frameAt(view, video.currentTime); } draw(); });
  video.addEventListener('loadedmetadata', draw);
  if ('requestVideoFrameCallback' in video) {
    // The browser's own account of the frame on screen: its presentation time, exact where currentTime is not.
    const onFrame = (now, meta) => {
      view.mediaTime = meta.mediaTime;
      // Presentation times may be rounded to the container's millisecond: the nearest frame start is the frame.
      view.frame = Math.max(0, Math.round(meta.mediaTime * view.fps));
      paint(view);
      view.handle = video.requestVideoFrameCallback(onFrame);
    };
    view.handle = video.requestVideoFrameCallback(onFrame);
  }
  if (keys) {
    view.onKey = e => {
      if (e.target?.closest?.('input, textarea, select, [contenteditable=true]') || e.ctrlKey || e.metaKey || e.altKey) {
        return;
      }
      if (e.key === ',' || e.key === '.') {
        e.preventDefault();
        step(video, e.key === ',' ? -1 : 1);
      }
    };
    document.addEventListener('keydown', view.onKey);
  }
  await reload(video);
  if (view.keypoints) {
    return { fps: view.fps, measured: false };
  }
  const measured = await measureFps(video);
  if (measured) {
    view.fps = measured;
  }
  paint(view);
  return measured ? { fps: measured, measured: true } : null;
}

export async function reload(video) {
  const view = views.get(video);
  const response = await fetch(`/media/${view.mediaId}/keypoints`, { credentials: 'same-origin' });
  if (response.ok) {
    const data = await response.json();
    view.keypoints = Float32Array.from(data.values);
    view.fps = data.framesPerSecond;
  }
  paint(view);
}

export function detach(video) {
  const view = views.get(video);
  if (view?.handle && 'cancelVideoFrameCallback' in video) {
    video.cancelVideoFrameCallback(view.handle);
  }
  if (view?.onKey) {
    document.removeEventListener('keydown', view.onKey);
  }
  views.delete(video);
}

export function setFps(video, fps) {
  const view = views.get(video);
  if (view && fps > 0) {
    view.fps = fps;
    paint(view);
  }
}

// Which chart's cursor follows this video, and the seconds to subtract from the frame's time (the compare page
// draws both clips' curves relative to their aligned events).
export function follow(video, chartId, offsetSeconds) {
  const view = views.get(video);
  view.chart = chartId;
  view.offsetSeconds = offsetSeconds;
  paint(view);
}

// Moves exactly `frames` frames from the frame on screen. The seek lands mid-frame, so rounding in the player
// cannot show the neighbour.
export function step(video, frames) {
  const view = views.get(video);
  return showFrame(video, view.frame + frames);
}

export function showFrame(video, frame) {
  const view = views.get(video);
  video.pause();
  const last = isFinite(video.duration) ? Math.max(0, Math.ceil(video.duration * view.fps) - 1) : Number.MAX_SAFE_INTEGER;
  const target = Math.min(Math.max(0, Math.round(frame)), last);
  view.frame = target;
  view.seeking = true;
  paint(view);
  return seekTo(video, (target + 0.5) / view.fps);
}

export function toggle(video) {
  if (video.paused) {
    video.play();
  } else {
    video.pause();
  }
}

export function seek(video, seconds) {
  const view = views.get(video);
  return showFrame(video, Math.floor(seconds * view.fps + 1e-6));
}

export function framesPerSecond(video) {
  return views.get(video).fps;
}

export function currentFrame(video) {
  const view = views.get(video);
  return { frame: view.frame, seconds: Math.round((view.frame / view.fps) * 1e6) / 1e6 };
}

function frameAt(view, seconds) {
  return Math.max(0, Math.floor(seconds * view.fps + 1e-6));
}

// Plays the clip muted for a moment and takes the smallest step between the presentation times of the frames the
// browser shows (a dropped frame only makes a step longer), then goes back to the first frame.
async function measureFps(video) {
  if (!('requestVideoFrameCallback' in video)) {
    return null;
  }
  await loaded(video);
  const times = [];
  let handle = 0;
  await new Promise(resolve => {
    const onFrame = (now, meta) => {
      times.push(meta.mediaTime);
      if (times.length >= 12) {
        resolve();
      } else {
        handle = video.requestVideoFrameCallback(onFrame);
      }
    };
    handle = video.requestVideoFrameCallback(onFrame);
    video.addEventListener('ended', resolve, { once: true });
    setTimeout(resolve, 4000);
    video.muted = true;
    video.play().catch(resolve);
  });
  video.cancelVideoFrameCallback(handle);
  video.pause();
  const steps = times.slice(1).map((t, i) => t - times[i]).filter(d => d > 1e-4);
  await showFrame(video, 0);
  if (steps.length === 0) {
    return null;
  }
  // Steps of one frame (not a dropped one) averaged, since containers round each time to the millisecond.
  const single = steps.filter(d => d < 1.5 * Math.min(...steps));
  const rate = single.length / single.reduce((a, b) => a + b, 0);
  const common = commonRates.map(r => ({ r, error: Math.abs(r - rate) / r })).sort((a, b) => a.error - b.error)[0];
  return common.error < 0.01 ? common.r : Math.round(rate * 100) / 100;
}

// Tracks every frame: seeks frame by frame (so none is skipped however slow the device), runs BlazePose, draws the
// skeleton and posts the landmarks in batches. Returns frames, seconds, frames per second and frames with a person.
// `modelComplexity` is BlazePose's (0 lite, 1 full); `inputWidth` scales frames down before they reach it (0: as
// decoded). Model load (script, WASM, graph, first inference) is reported apart from the steady rate.
export async function runPose(video, dotnet, fps, modelComplexity = 1, inputWidth = 0) {
  const view = views.get(video);
  view.fps = fps;
  const loadStarted = performance.now();
  await import(poseScript);
  const pose = new globalThis.Pose({ locateFile: file => `/lib/mediapipe/pose/${file}` });
  pose.setOptions({ modelComplexity, smoothLandmarks: true, enableSegmentation: false, minDetectionConfidence: 0.5, minTrackingConfidence: 0.5 });
  let latest = null;
  pose.onResults(results => { latest = results.poseLandmarks ?? null; });
  await pose.initialize();
  video.pause();
  await loaded(video);
  const aspectRatio = video.videoWidth / video.videoHeight || 1;
  let input = video;
  if (inputWidth > 0 && inputWidth < video.videoWidth) {
    input = document.createElement('canvas');
    input.width = inputWidth;
    input.height = Math.round(inputWidth / aspectRatio);
  }
  const values = [];
  let found = 0;
  let posted = 0;
  let firstFrameDone = 0;
  const started = performance.now();
  // A recording from MediaRecorder may not know its duration: step until a seek is clamped at the end.
  for (let frame = 0; ; frame++) {
    const target = (frame + 0.5) / fps;
    if (isFinite(video.duration) && target >= video.duration) {
      break;
    }
    await seekTo(video, target);
    if (video.currentTime < target - 0.5 / fps) {
      break;
    }
    latest = null;
    if (input !== video) {
      input.getContext('2d').drawImage(video, 0, 0, input.width, input.height);
    }
    await pose.send({ image: input });
    const row = new Float32Array(perFrame);
    if (latest) {
      found++;
      latest.forEach((p, i) => row.set([p.x, p.y, p.z, p.visibility ?? 1], i * 4));
    }
    values.push(row);
    view.keypoints = concat(values);
    view.frame = frame;
    paint(view);
    if (frame === 0) {
      // The first frame pays for compiling the WASM and loading the model; the rate is measured after it.
      firstFrameDone = performance.now();
    }
    if (values.length - posted >= batchFrames) {
      await post(view, posted, concat(values.slice(posted)), fps, aspectRatio);
      posted = values.length;
      await dotnet?.invokeMethodAsync('PoseProgress', values.length, isFinite(video.duration) ? Math.floor(video.duration * fps) : 0);
    }
  }
  if (values.length > posted) {
    await post(view, posted, concat(values.slice(posted)), fps, aspectRatio);
  }
  const ended = performance.now();
  await pose.close();
  const steady = values.length > 1 ? (values.length - 1) / ((ended - firstFrameDone) / 1000) : 0;
  const firstFrameSeconds = (firstFrameDone - loadStarted) / 1000;
  return { frames: values.length, seconds: (ended - started) / 1000, fps: steady, found, firstFrameSeconds };
}

function concat(rows) {
  const all = new Float32Array(rows.length * perFrame);
  rows.forEach((r, i) => all.set(r, i * perFrame));
  return all;
}

async function loaded(video) {
  if (video.readyState < 2) {
    await new Promise(resolve => video.addEventListener('loadeddata', resolve, { once: true }));
  }
}

async function post(view, startFrame, values, fps, aspectRatio) {
  const response = await fetch(`/media/${view.mediaId}/keypoints`, {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ startFrame, framesPerSecond: fps, aspectRatio, values: Array.from(values, v => Math.round(v * 1e5) / 1e5) }),
  });
  if (!response.ok) {
    throw new Error(`The server refused the landmarks (${response.status}).`);
  }
}

async function seekTo(video, seconds) {
  // Before its metadata a video takes currentTime as a start position and fires no `seeked`.
  if (video.readyState < 1) {
    await new Promise(resolve => video.addEventListener('loadedmetadata', resolve, { once: true }));
  }
  return new Promise(resolve => {
    video.addEventListener('seeked', resolve, { once: true });
    video.currentTime = seconds;
  });
}

function paint(view) {
  const { video, canvas, counter } = view;
  const seconds = view.frame / view.fps;
  if (counter) {
    counter.textContent = `Frame ${view.frame} · ${seconds.toFixed(2)} s · ${Math.round(view.fps * 100) / 100} fps`;
    counter.dataset.frame = String(view.frame);
    counter.dataset.fps = String(view.fps);
    if (view.mediaTime !== null) {
      counter.dataset.mediaTime = String(view.mediaTime);
    }
  }
  const chart = view.chart ? document.querySelector(`[data-chart="${view.chart}"]`) : null;
  if (chart) {
    chart.dispatchEvent(new CustomEvent('chart-cursor', { detail: Math.round((seconds - view.offsetSeconds) * 1000) / 1000 }));
  }
  if (!video.videoWidth) {
    return;
  }
  if (canvas.width !== video.videoWidth || canvas.height !== video.videoHeight) {
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
  }
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const frame = view.frame;
  const k = view.keypoints;
  if (!k || (frame + 1) * perFrame > k.length) {
    return;
  }
  const at = i => ({ x: k[frame * perFrame + i * 4] * canvas.width, y: k[frame * perFrame + i * 4 + 1] * canvas.height, v: k[frame * perFrame + i * 4 + 3] });
  g.lineWidth = Math.max(2, canvas.height / 200);
  g.strokeStyle = '#00e676';
  for (const [a, b] of bones) {
    const p = at(a);
    const q = at(b);
    if (p.v > 0.5 && q.v > 0.5) {
      g.beginPath();
      g.moveTo(p.x, p.y);
      g.lineTo(q.x, q.y);
      g.stroke();
    }
  }
  g.fillStyle = '#ff1744';
  for (let i = 11; i < 33; i++) {
    const p = at(i);
    if (p.v > 0.5) {
      g.beginPath();
      g.arc(p.x, p.y, g.lineWidth * 1.5, 0, 2 * Math.PI);
      g.fill();
    }
  }
}
