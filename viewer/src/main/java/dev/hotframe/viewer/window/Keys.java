package dev.hotframe.viewer.window;

import static org.lwjgl.glfw.GLFW.*;

/** Maps GLFW key codes to the readable key names of the app contract. */
final class Keys {

    private Keys() {
    }

    static String name(int key) {
        if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) {
            return String.valueOf((char) ('A' + key - GLFW_KEY_A));
        }
        if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) {
            return String.valueOf((char) ('0' + key - GLFW_KEY_0));
        }
        if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F12) {
            return "F" + (key - GLFW_KEY_F1 + 1);
        }
        return switch (key) {
            case GLFW_KEY_SPACE -> "SPACE";
            case GLFW_KEY_ENTER -> "ENTER";
            case GLFW_KEY_ESCAPE -> "ESCAPE";
            case GLFW_KEY_TAB -> "TAB";
            case GLFW_KEY_BACKSPACE -> "BACKSPACE";
            case GLFW_KEY_LEFT -> "LEFT";
            case GLFW_KEY_RIGHT -> "RIGHT";
            case GLFW_KEY_UP -> "UP";
            case GLFW_KEY_DOWN -> "DOWN";
            case GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT -> "SHIFT";
            case GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL -> "CONTROL";
            case GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT -> "ALT";
            default -> "KEY_" + key;
        };
    }
}
