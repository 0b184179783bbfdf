//! Frames and the pace of input: work that must not share a frame with an input's charts waits
//! for the frame after it.
//!
//! [`at_frame`] runs a task at the start of the browser's next frame (a `requestAnimationFrame`
//! callback), [`after_frame`] as soon as that frame has been rendered: the callback posts it as a
//! task, which runs once the frame's rendering has left the main thread. [`after_input_frame`]
//! also waits for the input: it runs a task only after the frame that presents the latest input,
//! and only when the next input, at the pace inputs have been arriving, leaves time for the task
//! and a frame (or input has stopped); otherwise it waits another frame. The page's inputs report
//! themselves through [`note_input`].

use super::timings::now_ms;
use super::window;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What a frame itself takes on the main thread (style, layout, paint of the changed canvases,
/// commit), in milliseconds: kept free before an input expected next.
pub const FRAME_WORK_MS: f64 = 6.0;

/// The latest input: when it was handled, when its event happened, and the time between the
/// events of the last two inputs (milliseconds on the page's clock).
#[derive(Clone, Copy)]
struct Input {
    handled: f64,
    event: f64,
    gap: f64,
}

thread_local! {
    /// When the latest frame began (its animation-frame callbacks ran).
    static FRAME_START: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
    static INPUT: Cell<Input> = const {
        Cell::new(Input { handled: f64::NEG_INFINITY, event: f64::NEG_INFINITY, gap: f64::INFINITY })
    };
}

/// Runs `task` at the start of the browser's next frame, before its style, layout and paint, so
/// what it draws is in that frame (never, in a worker or a page that cannot animate; a hidden
/// page renders no frames, so the task waits until it is shown).
pub fn at_frame(task: impl FnOnce() + 'static) {
    request_frame(Box::new(task));
}

/// Runs `task` once the browser has rendered its next frame (as [`at_frame`] does, it waits
/// while the page is hidden).
pub fn after_frame(task: impl FnOnce() + 'static) {
    post_after_frame(Box::new(task));
}

fn post_after_frame(task: Box<dyn FnOnce()>) {
    // A task posted from the frame's callback runs after the frame's rendering.
    request_frame(Box::new(move || post(task)));
}

/// Runs `task` in a task of its own, once the browser has done what is queued before it (the
/// microtasks of the running task, such as yew's rendering, come first).
pub fn soon(task: impl FnOnce() + 'static) {
    post(Box::new(task));
}

fn post(task: Box<dyn FnOnce()>) {
    if let Some(window) = window() {
        let _ = window.set_timeout_with_callback(Closure::once_into_js(task).unchecked_ref());
    }
}

fn request_frame(task: Box<dyn FnOnce()>) {
    // Boxed, as `post`'s task is: one copy of wasm-bindgen's code for both.
    let frame = Closure::once_into_js(Box::new(move || {
        FRAME_START.with(|start| start.set(now_ms()));
        task();
    }) as Box<dyn FnOnce()>);
    if let Some(window) = window() {
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
}

/// Notes an input the page is handling now; `event_ms` is its event's time stamp.
pub fn note_input(event_ms: f64) {
    let handled = now_ms();
    let event = if event_ms.is_finite() && event_ms > 0.0 {
        event_ms
    } else {
        handled
    };
    INPUT.with(|input| {
        let last = input.get();
        input.set(Input {
            handled,
            event,
            gap: event - last.event,
        });
    });
}

/// Whether a task of `cost_ms` may run now, just after a frame, without delaying an input's
/// frame: the latest input was handled before that frame began (so the frame presented it), and
/// the next input, expected one gap (the time between the last two) after the latest, leaves time
/// for the task and a frame's own work, or is so overdue (two gaps) that input has stopped.
fn input_leaves_time(cost_ms: f64) -> bool {
    let input = INPUT.with(Cell::get);
    if input.handled >= FRAME_START.with(Cell::get) {
        return false;
    }
    let since = now_ms() - input.event;
    since + cost_ms + FRAME_WORK_MS <= input.gap || since > 2.0 * input.gap
}

/// Runs `task`, which takes about `cost_ms`, after the frame that presents the latest input, as
/// soon as input leaves it the time (frame after frame meanwhile): while input arrives faster
/// than the task can run between two inputs, it waits.
pub fn after_input_frame(cost_ms: f64, task: impl FnOnce() + 'static) {
    wait_for_input(cost_ms, Box::new(task));
}

fn wait_for_input(cost_ms: f64, task: Box<dyn FnOnce()>) {
    after_frame(move || {
        if input_leaves_time(cost_ms) {
            task();
        } else {
            wait_for_input(cost_ms, task);
        }
    });
}
