package dev.gazette.spam;

/** The learned state: the classifier's weights, its settings and how many of each class it has seen. */
final class ShieldModel {
    final LearnerSettings learner;
    final Ftrl ftrl;
    long spamSeen;
    long hamSeen;

    ShieldModel(LearnerSettings learner) {
        this(learner, new Ftrl(learner), 0, 0);
    }

    ShieldModel(LearnerSettings learner, Ftrl ftrl, long spamSeen, long hamSeen) {
        this.learner = learner;
        this.ftrl = ftrl;
        this.spamSeen = spamSeen;
        this.hamSeen = hamSeen;
    }

    void learn(FeatureVector x, double offset, boolean spam) {
        ftrl.update(x, offset, spam);
        if (spam) {
            spamSeen++;
        } else {
            hamSeen++;
        }
    }
}
