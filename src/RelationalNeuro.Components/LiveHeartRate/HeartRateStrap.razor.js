// Web Bluetooth for RelationalNeuro's HeartRateStrap / WebBluetoothHeartRateSource: the one place the widget kit
// needs JavaScript. Loaded lazily by import() from .NET on first use; no globals, no inline script, nothing sent
// anywhere but the page's own Blazor connection. Every function resolves with a plain result; none rejects.

const HEART_RATE_SERVICE = 'heart_rate';              // 0x180D
const HEART_RATE_MEASUREMENT = 'heart_rate_measurement'; // 0x2A37

/** Whether this page can use Web Bluetooth: { state: 'ready' | 'unsupported' | 'unavailable', code, message }. */
export async function getSupport() {
    if (!window.isSecureContext) {
        return { state: 'unsupported', code: 'insecure-context', message: 'Web Bluetooth needs a secure page (https or localhost).' };
    }
    const bluetooth = navigator.bluetooth;
    if (!bluetooth || typeof bluetooth.requestDevice !== 'function') {
        return { state: 'unsupported', code: 'no-web-bluetooth', message: 'This browser has no Web Bluetooth (it is in Chrome and Edge on desktop and Android).' };
    }
    if (typeof bluetooth.getAvailability === 'function') {
        try {
            if (!(await bluetooth.getAvailability())) {
                return { state: 'unavailable', code: 'no-adapter', message: 'No Bluetooth adapter is available (switched off, missing, or blocked).' };
            }
        } catch {
            return { state: 'unavailable', code: 'availability-unknown', message: 'The browser could not tell whether Bluetooth is available.' };
        }
    }
    return { state: 'ready', code: 'ready', message: '' };
}

/** A connection to one strap, reporting to the .NET object `dotNet` (OnMeasurement(byte[]), OnDisconnected()). */
export function createSession(dotNet) {
    return new StrapSession(dotNet);
}

class StrapSession {
    #dotNet;
    #device = null;
    #characteristic = null;
    #closing = false;
    #onValue = event => this.#value(event);
    #onDisconnected = () => this.#disconnected();

    constructor(dotNet) {
        this.#dotNet = dotNet;
    }

    /** Opens the browser's chooser (needs a user gesture), then connects and subscribes. */
    async connect() {
        let device;
        try {
            device = await navigator.bluetooth.requestDevice({ filters: [{ services: [HEART_RATE_SERVICE] }] });
        } catch (error) {
            return chooserFailure(error);
        }
        this.#forgetDevice();
        this.#device = device;
        device.addEventListener('gattserverdisconnected', this.#onDisconnected);
        try {
            return await this.#subscribe();
        } catch (error) {
            return gattFailure(error);
        }
    }

    /** Connects again to the strap chosen before, without the chooser. */
    async reconnect() {
        if (!this.#device) {
            return { ok: false, code: 'no-device', message: 'No strap was chosen yet.', deviceName: '' };
        }
        try {
            return await this.#subscribe();
        } catch (error) {
            return gattFailure(error);
        }
    }

    /** Stops notifications and closes the GATT connection; the session can connect again. */
    async disconnect() {
        this.#closing = true;
        try {
            const characteristic = this.#characteristic;
            this.#characteristic = null;
            if (characteristic) {
                characteristic.removeEventListener('characteristicvaluechanged', this.#onValue);
                if (this.#device?.gatt?.connected) {
                    await characteristic.stopNotifications().catch(() => { });
                }
            }
            if (this.#device?.gatt?.connected) {
                this.#device.gatt.disconnect();
            }
        } finally {
            this.#closing = false;
        }
    }

    /** Disconnects and drops every reference (to the device and to .NET). */
    async dispose() {
        await this.disconnect().catch(() => { });
        this.#forgetDevice();
        this.#dotNet = null;
    }

    async #subscribe() {
        const server = await this.#device.gatt.connect();
        const service = await server.getPrimaryService(HEART_RATE_SERVICE);
        const characteristic = await service.getCharacteristic(HEART_RATE_MEASUREMENT);
        characteristic.addEventListener('characteristicvaluechanged', this.#onValue);
        await characteristic.startNotifications();
        this.#characteristic = characteristic;
        return { ok: true, code: 'connected', message: '', deviceName: this.#device.name ?? '' };
    }

    #value(event) {
        const view = event.target.value; // DataView over the notification's bytes
        const bytes = new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
        this.#dotNet?.invokeMethodAsync('OnMeasurement', bytes).catch(() => { });
    }

    #disconnected() {
        if (this.#characteristic) {
            this.#characteristic.removeEventListener('characteristicvaluechanged', this.#onValue);
            this.#characteristic = null;
        }
        if (!this.#closing) {
            this.#dotNet?.invokeMethodAsync('OnDisconnected').catch(() => { });
        }
    }

    #forgetDevice() {
        this.#device?.removeEventListener('gattserverdisconnected', this.#onDisconnected);
        this.#device = null;
    }
}

/** requestDevice() failed: the chooser was closed, or Bluetooth is not allowed here. */
function chooserFailure(error) {
    const name = error?.name ?? 'Error';
    const message =
        name === 'NotFoundError' ? 'No strap was chosen (the chooser was closed or found no heart-rate device).' :
        name === 'SecurityError' || name === 'NotAllowedError' ? 'The browser did not allow Bluetooth here (permission, policy, or the click was too long ago).' :
        `Bluetooth error: ${error?.message ?? name}`;
    return { ok: false, code: name, message, deviceName: '' };
}

/** Connecting or subscribing to the chosen strap failed. */
function gattFailure(error) {
    const name = error?.name ?? 'Error';
    const message =
        name === 'NetworkError' ? 'The strap could not be reached; check it is on, worn and close by.' :
        name === 'NotFoundError' ? 'The strap does not offer the Heart Rate Measurement.' :
        name === 'NotSupportedError' ? 'The strap does not support heart-rate notifications.' :
        name === 'SecurityError' || name === 'NotAllowedError' ? 'The browser did not allow access to the strap.' :
        `Bluetooth error: ${error?.message ?? name}`;
    return { ok: false, code: name, message, deviceName: '' };
}
