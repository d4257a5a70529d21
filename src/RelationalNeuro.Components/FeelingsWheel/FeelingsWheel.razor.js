// Keyboard handling is C#; this module stops the browser's default action (scrolling the page) for the
// keys the wheel handles, while focus is on one of its segments (Blazor's @onkeydown:preventDefault cannot
// depend on the key, and preventing every key would trap Tab), and moves focus to the segment a key chose.
const handled = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', ' ', 'Spacebar', '+', '=', '-']);
const listeners = new WeakMap();

export function attach(svg) {
    if (!svg || listeners.has(svg)) {
        return;
    }
    const listener = event => {
        const onSegment = event.target instanceof SVGElement && event.target.classList.contains('rn-wheel__segment');
        const zoomedEscape = event.key === 'Escape' && svg.hasAttribute('data-zoomed');
        if (onSegment && !event.altKey && !event.ctrlKey && !event.metaKey && (handled.has(event.key) || zoomedEscape)) {
            event.preventDefault();
        }
    };
    svg.addEventListener('keydown', listener);
    listeners.set(svg, listener);
}

export function detach(svg) {
    const listener = svg && listeners.get(svg);
    if (listener) {
        svg.removeEventListener('keydown', listener);
        listeners.delete(svg);
    }
}

// Focus the segment a key chose once its render has arrived, unless focus has meanwhile moved on purpose: only from
// a segment of this wheel, or from nowhere (the body, when the focused segment was redrawn away). A Tab pressed
// in the round trip between the key and this call has taken focus to the zoom button or out of the wheel; it stays.
export function focusSegment(svg, target) {
    const active = document.activeElement;
    if (!svg || !target || active === target) {
        return;
    }
    const fromSegment = active instanceof SVGElement && svg.contains(active) && active.classList.contains('rn-wheel__segment');
    if (!active || active === document.body || fromSegment) {
        target.focus();
    }
}
