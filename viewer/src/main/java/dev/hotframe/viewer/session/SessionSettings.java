package dev.hotframe.viewer.session;

import dev.hotframe.viewer.backend.BackendKind;
import dev.hotframe.viewer.net.AddressSource;
import java.nio.file.Path;

/**
 * What one viewer session is asked to do, as {@code viewer connect}'s options say (already checked).
 *
 * @param frames          where frames, state and the update log go, or null: then {@code hotframe-frames}
 *                        when the run is headless or compares golden frames, else nowhere
 * @param exitAfter       stop after this many updates were applied and drawn; 0 runs until closed
 * @param golden          the folder of golden frames to compare with (or to write, with {@code updateGolden}), or null
 * @param goldenTolerance how much a colour channel may differ, 0..255
 * @param liveEveryMs     also replace {@code latest.png} and {@code state.json} this often between updates; 0: only on updates
 */
public record SessionSettings(AddressSource address, int width, int height, BackendKind backend, boolean headless, int fps,
                              Path frames, int exitAfter, Path golden, int goldenTolerance, boolean updateGolden,
                              int liveEveryMs) {
}
