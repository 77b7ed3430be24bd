// BlazePose (@mediapipe/pose, served from /lib/mediapipe/pose with its WASM and models, so it works offline) on the
// coach's own device. The package is a classic script that defines `Pose` on the global object; importing it for
// its side effect is the only way it loads.
import '/lib/mediapipe/pose/pose.js';

// BlazePose's skeleton: shoulders, arms, trunk, legs, feet.
const bones = [[11, 12], [11, 13], [13, 15], [12, 14], [14, 16], [11, 23], [12, 24], [23, 24], [23, 25], [25, 27],
  [24, 26], [26, 28], [27, 29], [28, 30], [29, 31], [30, 32], [27, 31], [28, 32]];
const perFrame = 33 * 4;
const batchFrames = 60;
const views = new WeakMap();

export async function attach(video, canvas, mediaId, fps) {
  const view = { video, canvas, mediaId, fps, keypoints: null, handle: 0, live: null };
  views.set(video, view);
  const draw = () => paint(view);
  video.addEventListener('seeked', draw);
  video.addEventListener('timeupdate', draw);
  video.addEventListener('loadedmetadata', draw);
  if ('requestVideoFrameCallback' in video) {
    const onFrame = () => { paint(view); view.handle = video.requestVideoFrameCallback(onFrame); };
    view.handle = video.requestVideoFrameCallback(onFrame);
  }
  await reload(video);
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
  views.delete(video);
}

export function step(video, frames, fps) {
  video.pause();
  const duration = isFinite(video.duration) ? video.duration : Number.MAX_VALUE;
  video.currentTime = Math.min(Math.max(0, video.currentTime + frames / fps), duration);
}

export function toggle(video) {
  if (video.paused) {
    video.play();
  } else {
    video.pause();
  }
}

export function seek(video, seconds) {
  video.pause();
  video.currentTime = seconds;
}

export function currentTime(video) {
  return video.currentTime;
}

// Tracks every frame: seeks frame by frame (so none is skipped however slow the device), runs BlazePose, draws the
// skeleton and posts the landmarks in batches. Returns frames, seconds, frames per second and frames with a person.
export async function runPose(video, dotnet, fps) {
  const view = views.get(video);
  view.fps = fps;
  const pose = new globalThis.Pose({ locateFile: file => `/lib/mediapipe/pose/${file}` });
  pose.setOptions({ modelComplexity: 1, smoothLandmarks: true, enableSegmentation: false, minDetectionConfidence: 0.5, minTrackingConfidence: 0.5 });
  let latest = null;
  pose.onResults(results => { latest = results.poseLandmarks ?? null; });
  await pose.initialize();
  video.pause();
  await loaded(video);
  const aspectRatio = video.videoWidth / video.videoHeight || 1;
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
    await pose.send({ image: video });
    const row = new Float32Array(perFrame);
    if (latest) {
      found++;
      latest.forEach((p, i) => row.set([p.x, p.y, p.z, p.visibility ?? 1], i * 4));
    }
    values.push(row);
    view.keypoints = concat(values);
    paint(view, frame);
    if (frame === 0) {
      // The first frame pays for compiling the WASM and loading the model; the rate is measured after it.
      firstFrameDone = performance.now();
    }
    if (values.length - posted >= batchFrames) {
      await post(view, posted, concat(values.slice(posted)), fps, aspectRatio);
      posted = values.length;
      await dotnet.invokeMethodAsync('PoseProgress', values.length, isFinite(video.duration) ? Math.floor(video.duration * fps) : 0);
    }
  }
  if (values.length > posted) {
    await post(view, posted, concat(values.slice(posted)), fps, aspectRatio);
  }
  const ended = performance.now();
  await pose.close();
  const steady = values.length > 1 ? (values.length - 1) / ((ended - firstFrameDone) / 1000) : 0;
  return { frames: values.length, seconds: (ended - started) / 1000, fps: steady, found };
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

function seekTo(video, seconds) {
  return new Promise(resolve => {
    video.addEventListener('seeked', resolve, { once: true });
    video.currentTime = seconds;
  });
}

function paint(view, frameIndex) {
  const { video, canvas } = view;
  const chart = document.querySelector('[data-chart="joint-angles"]');
  if (chart) {
    chart.dispatchEvent(new CustomEvent('chart-cursor', { detail: Math.round(video.currentTime * 1000) / 1000 }));
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
  const frame = frameIndex ?? Math.floor(video.currentTime * view.fps);
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
