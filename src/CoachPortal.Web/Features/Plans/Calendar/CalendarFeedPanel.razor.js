// Copies text to the clipboard; false where the browser refuses (no secure context, or no permission).
export async function copy(text) {
    if (!navigator.clipboard) {
        return false;
    }

    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
