package dev.cyclebreaker.sandbox;

/**
 * One inline keyboard button: its label, which action field it uses ({@code callback_data},
 * {@code url}, {@code copy_text}, ...) and that field's value ({@code copy_text.text} for copy_text).
 */
public record InlineButton(String text, String action, String value) {
    public boolean isCallback(String data) {
        return action.equals("callback_data") && value.equals(data);
    }
}
