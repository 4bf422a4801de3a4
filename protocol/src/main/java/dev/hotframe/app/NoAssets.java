package dev.hotframe.app;

import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.Typeface;

/** {@link ProjectAssets#none()}: holds nothing, never changes. */
enum NoAssets implements ProjectAssets {
    INSTANCE;

    @Override
    public Image image(String path) {
        return null;
    }

    @Override
    public Typeface typeface(String path) {
        return null;
    }

    @Override
    public RuntimeEffect shader(String path) {
        return null;
    }

    @Override
    public byte[] bytes(String path) {
        return null;
    }

    @Override
    public long version(String path) {
        return 0;
    }

    @Override
    public long version() {
        return 0;
    }
}
