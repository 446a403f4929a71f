package io.posunbind.ruleset;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.posunbind.config.UnbindConfig;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;
import io.posunbind.errors.NotFoundException;
import io.posunbind.storage.InstanceId;

/**
 * Stores, activates and reloads rule-set versions. A version is stored only when it compiles, passes the safety
 * lint and every scenario; activating it appends a row to ruleset_activation (the database is where instances agree
 * on the active version) and then swaps it in. Everything that could fail (reading, validating, compiling,
 * recording) happens before the swap, so a failing candidate never replaces the active rule set. One change at a
 * time per instance.
 */
@ApplicationScoped
public class RuleSetLifecycle {
    static final String STARTUP = "startup";
    static final String RELOAD = "reload";
    static final String ACTIVATE = "activate";
    static final String WATCH = "watch";
    /** The author or activator when no person is: the service at startup, the directory watch. */
    static final String SYSTEM_STARTUP = "system:startup";
    static final String SYSTEM_WATCH = "system:directory-watch";
    private static final Logger LOG = Logger.getLogger(RuleSetLifecycle.class);

    private final ActiveRuleSet active;
    private final RuleSetStore store;
    private final ValidationService validation;
    private final RuleSetCompiler compiler;
    private final InstanceId instance;
    private final Clock clock;
    private final Path directory;
    private final int approvalsRequired;
    private final ShadowRuleSet shadow;
    private final ReentrantLock changes = new ReentrantLock();
    private volatile String directoryVersion;

    @Inject
    public RuleSetLifecycle(ActiveRuleSet active, RuleSetStore store, ValidationService validation,
                            InstanceId instance, Clock clock, UnbindConfig config, ShadowRuleSet shadow,
                            RuleSetCompiler compiler) {
        this(active, store, validation, instance, clock, Path.of(config.rules().directory()),
                config.rules().approvalsRequired(), shadow, compiler);
    }

    RuleSetLifecycle(ActiveRuleSet active, RuleSetStore store, ValidationService validation,
                     InstanceId instance, Clock clock, Path directory, int approvalsRequired) {
        this(active, store, validation, instance, clock, directory, approvalsRequired, new ShadowRuleSet(),
                new RuleSetCompiler());
    }

    RuleSetLifecycle(ActiveRuleSet active, RuleSetStore store, ValidationService validation,
                     InstanceId instance, Clock clock, Path directory, int approvalsRequired,
                     ShadowRuleSet shadow, RuleSetCompiler compiler) {
        this.shadow = shadow;
        this.compiler = compiler;
        if (approvalsRequired < 0) {
            throw new IllegalArgumentException("unbind.rules.approvals-required must be 0 or more, not "
                    + approvalsRequired);
        }
        this.approvalsRequired = approvalsRequired;
        this.active = active;
        this.store = store;
        this.validation = validation;
        this.instance = instance;
        this.clock = clock;
        this.directory = directory;
    }

    /** Validates and stores an uploaded candidate; activates nothing. */
    public Stored upload(byte[] body, String by) {
        RuleSetUpload.Candidate candidate = RuleSetUpload.parseCandidate(body);
        try (CheckedRuleSet checked = validation.check(candidate.files())) {
            if (!checked.report().valid()) {
                throw new RuleSetRejectedException("The rule set was not stored: it does not pass validation",
                        checked.report());
            }
            boolean existed = store.find(candidate.files().version()).isPresent();
            StoredVersion stored = store.store(candidate.files(), StoredVersion.of(candidate.files().version(),
                    clock.instant(), StoredVersion.UPLOAD, by, candidate.label(), candidate.files().files().size(),
                    ValidationSummary.of(checked.report()).toJson()));
            return new Stored(RuleSetView.of(stored, active.version(), null,
                    approval(stored)), !existed);
        }
    }

    /**
     * Makes a stored version the active one; activating an older version is a rollback. Only an intact version
     * that is approved, or was active before, may be activated.
     */
    public ActivationResult activate(String version, String by, String comment) {
        StoredVersion stored = stored(version);
        changes.lock();
        try {
            Optional<Activation> latest = store.latestActivation();
            if (version.equals(active.version()) && latest.map(a -> a.version().equals(version)).orElse(false)) {
                return unchanged(latest.get());
            }
            requireApproved(stored);
            CompiledRuleSet compiled = compiler.compile(store.files(stored.version()));
            return activate(compiled, by, ACTIVATE, comment);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Schedules an approved, intact version to become active at {@code effectiveAt} on every instance. Each instance
     * learns of it at its next sync and compiles it ahead; at the instant, the next decision on each instance is
     * decided by it (no poll is waited for).
     */
    public Schedule schedule(String version, Instant effectiveAt, String by, String comment) {
        StoredVersion stored = stored(version);
        Instant now = clock.instant();
        if (!effectiveAt.isAfter(now)) {
            throw new InvalidRequestException(List.of(new FieldError("effectiveAt", "must be in the future (it is "
                    + now + " now); to activate now, leave effectiveAt out")));
        }
        requireApproved(stored);
        Schedule schedule = store.schedule(version, effectiveAt, now, by, comment).orElseThrow(() ->
                new GovernanceException(GovernanceException.Refusal.SCHEDULE_CONFLICT, "Another activation is "
                        + "scheduled at " + effectiveAt + "; cancel it first or choose another instant"));
        LOG.infof("Rule set %s scheduled by %s to become active at %s (schedule %d)", version, describe(by),
                effectiveAt, schedule.id());
        followSchedules();
        return schedule;
    }

    /** Cancels a pending schedule; every instance disarms it at its next sync. */
    public Schedule cancel(long scheduleId, String by, String comment) {
        Schedule cancelled = store.cancel(scheduleId, clock.instant(), by, comment).orElseThrow(() ->
                new GovernanceException(GovernanceException.Refusal.NOT_SCHEDULED, "No pending schedule " + scheduleId
                        + ": it was cancelled, has taken effect, or never existed"));
        LOG.infof("Schedule %d (%s at %s) cancelled by %s", scheduleId, cancelled.version(), cancelled.effectiveAt(),
                describe(by));
        followSchedules();
        return cancelled;
    }

    /** The pending schedules, earliest first. */
    public List<Schedule> schedules() {
        return store.pendingSchedules();
    }

    /**
     * Brings this instance in line with the schedules: a schedule whose instant has come takes effect (here, if no
     * decision made it so already) and its activation is recorded once, whichever instance gets there first; the
     * earliest one still ahead is compiled and armed; a cancelled one is disarmed.
     */
    public void followSchedules() {
        changes.lock();
        try {
            Instant now = clock.instant();
            active.fireIfDue(now);
            List<Schedule> pending = store.pendingSchedules();
            for (Schedule due : pending.stream().filter(s -> !s.effectiveAt().isAfter(now)).toList()) {
                if (!due.version().equals(active.version())) {
                    active.swap(compiler.compile(store.files(due.version())));
                }
                store.activateScheduled(due, instance.value()).ifPresent(a -> LOG.infof("Rule set %s became "
                        + "active at %s as scheduled by %s (schedule %d)", due.version(), due.effectiveAt(),
                        describe(due.scheduledBy()), due.id()));
            }
            Optional<Schedule> next = pending.stream().filter(s -> s.effectiveAt().isAfter(now)).findFirst();
            if (next.isEmpty()) {
                active.disarm();
            } else if (active.armedSchedule() != next.get().id()) {
                active.arm(next.get().id(), next.get().effectiveAt(), compiler.compile(store.files(
                        next.get().version())));
                LOG.infof("Rule set %s is armed to become active at %s (schedule %d)", next.get().version(),
                        next.get().effectiveAt(), next.get().id());
            }
        } finally {
            changes.unlock();
        }
    }

    /**
     * Makes a stored, intact version shadow the active one on every instance (within a sync): it decides every live
     * request as well, off the answer path, and its differences are counted. It needs no approval: it decides
     * nothing. Starting a shadow while another runs replaces it.
     */
    public ShadowRuleSet.Session startShadow(String version, String by, String comment) {
        stored(version);
        store.record(new RuleSetEvent.Draft(RuleSetEvent.SHADOW_STARTED, version, active.version(), null,
                clock.instant(), by, comment, null, null));
        LOG.infof("Rule set %s shadows the active version, started by %s", version, describe(by));
        followShadow();
        return shadow.session().orElseThrow();
    }

    /** Stops the shadow on every instance (within a sync). */
    public ShadowRuleSet.Session stopShadow(String by, String comment) {
        RuleSetEvent started = latestShadowEvent().filter(e -> e.kind().equals(RuleSetEvent.SHADOW_STARTED))
                .orElseThrow(() -> new GovernanceException(GovernanceException.Refusal.NOT_SCHEDULED,
                        "No shadow is running"));
        store.record(new RuleSetEvent.Draft(RuleSetEvent.SHADOW_STOPPED, started.version(), null, null,
                clock.instant(), by, comment, started.sequence(), null));
        LOG.infof("The shadow of %s was stopped by %s", started.version(), describe(by));
        ShadowRuleSet.Session session = new ShadowRuleSet.Session(started.sequence(), started.version(), started.by(),
                started.at());
        followShadow();
        return session;
    }

    /** Brings this instance's shadow in line with the governance log's latest shadow event. */
    public void followShadow() {
        Optional<RuleSetEvent> latest = latestShadowEvent();
        Optional<ShadowRuleSet.Session> running = shadow.session();
        if (latest.isEmpty() || latest.get().kind().equals(RuleSetEvent.SHADOW_STOPPED)) {
            if (running.isPresent()) {
                shadow.stop();
            }
            return;
        }
        RuleSetEvent started = latest.get();
        if (running.map(r -> r.id() == started.sequence()).orElse(false)) {
            return;
        }
        shadow.start(new ShadowRuleSet.Session(started.sequence(), started.version(), started.by(), started.at()),
                compiler.compile(store.files(started.version())));
    }

    private Optional<RuleSetEvent> latestShadowEvent() {
        Optional<RuleSetEvent> started = store.latestEvents(RuleSetEvent.SHADOW_STARTED, 1).stream().findFirst();
        Optional<RuleSetEvent> stopped = store.latestEvents(RuleSetEvent.SHADOW_STOPPED, 1).stream().findFirst();
        if (started.isEmpty()) {
            return Optional.empty();
        }
        return stopped.isPresent() && stopped.get().sequence() > started.get().sequence() ? stopped : started;
    }

    /** Records a rules approver's approval of a stored, intact version that someone else stored. */
    public ApprovalState approve(String version, String by, String comment) {
        return decide(version, by, comment, RuleSetEvent.APPROVED);
    }

    /** Records a rules approver's rejection: the version cannot be activated until the same person approves it. */
    public ApprovalState reject(String version, String by, String comment) {
        return decide(version, by, comment, RuleSetEvent.REJECTED);
    }

    private ApprovalState decide(String version, String by, String comment, String kind) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("comment",
                    "is required: say what was reviewed, or why it is rejected")));
        }
        StoredVersion stored = stored(version);
        if (by.equals(stored.createdBy())) {
            throw new GovernanceException(GovernanceException.Refusal.OWN_VERSION, "You stored version " + version
                    + "; its approval must come from a rules approver other than its author");
        }
        store.record(new RuleSetEvent.Draft(kind, version, null, null, clock.instant(), by, comment.strip(), null,
                null));
        LOG.infof("Rule set %s %s by %s: %s", version, kind, by, comment.strip());
        return approval(stored);
    }

    /** Where the version stands in approval. */
    public ApprovalState approval(StoredVersion stored) {
        return ApprovalState.of(stored, store.events(stored.version()), approvalsRequired);
    }

    /** Approvals a version needs ({@code unbind.rules.approvals-required}). */
    public int approvalsRequired() {
        return approvalsRequired;
    }

    /** The stored version, refused with 404 when unknown and 409 when its stored files were altered. */
    private StoredVersion stored(String version) {
        StoredVersion stored = store.find(version)
                .orElseThrow(() -> new NotFoundException("No rule-set version " + version + " is stored"));
        store.files(version);
        return stored;
    }

    private void requireApproved(StoredVersion stored) {
        String missing = approval(stored).missing(stored.version());
        if (missing != null) {
            throw new GovernanceException(GovernanceException.Refusal.NOT_APPROVED, missing);
        }
    }

    /**
     * Reads the rules directory again; a version other than the active one is validated, stored and, when it is
     * approved (or was active before), activated. An unapproved one stays stored: the answer is 409 naming the
     * approval it needs.
     */
    public ActivationResult reload(String by, String reason) {
        changes.lock();
        try {
            RuleFiles files = RuleFiles.readDirectory(directory);
            directoryVersion = files.version();
            if (files.version().equals(active.version())) {
                Optional<Activation> latest = store.latestActivation();
                if (latest.isPresent() && latest.get().version().equals(files.version())) {
                    return unchanged(latest.get());
                }
            }
            CompiledRuleSet compiled = validatedFromDirectory(files, by);
            try {
                requireApproved(store.find(files.version()).orElseThrow());
            } catch (GovernanceException e) {
                compiled.close();
                throw new GovernanceException(e.refusal(), "The rules directory's version is stored; it is not "
                        + "activated. " + e.getMessage());
            }
            return activate(compiled, by, reason, null);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Switches to the version of the latest activation when another instance activated one.
     *
     * @return true when this instance switched
     */
    public boolean followStore() {
        Optional<Activation> latest = store.latestActivation();
        if (latest.isEmpty() || latest.get().version().equals(active.version())) {
            return false;
        }
        changes.lock();
        try {
            latest = store.latestActivation();
            String version = latest.map(Activation::version).orElse(null);
            if (version == null || version.equals(active.version())) {
                return false;
            }
            String previous = active.swap(compiler.compile(store.files(version)));
            LOG.infof("Rule set %s now decides on this instance (activated by %s on instance %s at %s; was %s)",
                    version, describe(latest.get().activatedBy()), latest.get().instanceId(),
                    latest.get().activatedAt(), previous);
            return true;
        } finally {
            changes.unlock();
        }
    }

    /** The version the rules directory held when it was last read. */
    public String directoryVersion() {
        return directoryVersion;
    }

    void rememberDirectoryVersion(String version) {
        directoryVersion = version;
    }

    /** The rule set compiled with the service's compiler (a version compiled before is loaded, docs/rulesets.md). */
    CompiledRuleSet compile(RuleFiles files) {
        return compiler.compile(files);
    }

    /**
     * The directory's rule set, compiled: validated with its scenarios and stored when it is new, only compiled when
     * it was stored (validated) before.
     *
     * @throws RuleSetRejectedException when it does not pass validation
     */
    CompiledRuleSet validatedFromDirectory(RuleFiles files, String by) {
        if (store.find(files.version()).isPresent()) {
            // stored before: its stored files must still be the ones that were validated
            store.files(files.version());
            return compiler.compile(files);
        }
        CheckedRuleSet checked = validation.check(files);
        if (!checked.report().valid()) {
            throw new RuleSetRejectedException("The rules directory " + directory.toAbsolutePath().normalize()
                    + " does not pass validation; the active rule set is unchanged", checked.report());
        }
        try {
            store.store(files, StoredVersion.of(files.version(), clock.instant(), StoredVersion.DIRECTORY, by, null,
                    files.files().size(), ValidationSummary.of(checked.report()).toJson()));
        } catch (RuntimeException e) {
            checked.close();
            throw e;
        }
        return checked.compiled();
    }

    /** Records the activation, then swaps; a failure to record leaves the active rule set as it was. */
    ActivationResult activate(CompiledRuleSet compiled, String by, String reason, String comment) {
        Activation activation;
        try {
            activation = store.activate(compiled.version(), clock.instant(), by, instance.value(), reason, comment,
                    null);
        } catch (RuntimeException e) {
            compiled.close();
            throw e;
        }
        String previous = active.swap(compiled);
        LOG.infof("Rule set %s activated (%s) by %s; it replaces %s", compiled.version(), reason, describe(by),
                previous);
        return new ActivationResult(compiled.version(), previous, true, activation.activatedAt(), by);
    }

    /** Makes the rule set the one that decides without recording an activation (it is the latest already). */
    void use(CompiledRuleSet compiled) {
        active.swap(compiled);
    }

    ActiveRuleSet active() {
        return active;
    }

    RuleSetStore store() {
        return store;
    }

    Path directory() {
        return directory;
    }

    Clock clock() {
        return clock;
    }

    private ActivationResult unchanged(Activation latest) {
        return new ActivationResult(latest.version(), latest.version(), false, latest.activatedAt(),
                latest.activatedBy());
    }

    private static String describe(String by) {
        return by == null || by.isEmpty() ? "(unknown)" : by;
    }

    /** A stored version, without its files, and whether this upload stored it (false: it was stored before). */
    public record Stored(RuleSetView version, boolean created) {
    }
}
