package dev.hotframe.viewer.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResumeTest {

    @Test
    void updatesApplyInOrderDuplicatesAreSkippedAndGapsFound() {
        Resume resume = new Resume();
        resume.welcomed("server-a");
        resume.snapshot(4);

        assertThat(resume.next(5)).isEqualTo(Resume.Verdict.APPLY);
        assertThat(resume.next(5)).isEqualTo(Resume.Verdict.DUPLICATE);
        assertThat(resume.next(3)).isEqualTo(Resume.Verdict.DUPLICATE);
        assertThat(resume.next(7)).isEqualTo(Resume.Verdict.GAP);
        assertThat(resume.lastSeq()).isEqualTo(5);
    }

    @Test
    void forgettingTheServerAsksForASnapshotButKeepsTheSequence() {
        Resume resume = new Resume();
        resume.welcomed("server-a");
        resume.snapshot(9);

        resume.forget();

        assertThat(resume.serverId()).isNull();
        assertThat(resume.lastSeq()).isEqualTo(9);
    }

    @Test
    void backoffStartsUnder250MsAndStaysWithin2s() {
        Backoff backoff = new Backoff();

        assertThat(backoff.next()).isLessThan(250);
        for (int i = 0; i < 10; i++) {
            assertThat(backoff.next()).isLessThanOrEqualTo(2000);
        }
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Backoff.FIRST_MS);
    }
}
