package io.cellgate.ssh.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The operator's shell over SSH (configuration {@code io.cellgate.ssh}; none, no server): Apache MINA SSHD on the
 * configured address, public-key logins from an authorized_keys file, the Gogo shell for a login and a single command
 * for {@code ssh host COMMAND}. Refused logins are logged, and an address refused too often is paused.
 */
@Component(configurationPid = OperatorSsh.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = SshConfig.class)
public final class OperatorSsh {

    static final String PID = "io.cellgate.ssh";
    private static final long PAUSE_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** The user and key a client offered last and was refused, to name them in the log line of the refused login. */
    private static final AttributeKey<String> REFUSED_KEY = new AttributeKey<>();

    private final Logger log;
    private final SshServer server;
    private final LoginGuard guard;

    @Activate
    public OperatorSsh(BundleContext context, @Reference CommandProcessor processor, SshConfig config,
            @Reference(name = "log", service = LoggerFactory.class) Logger log)
            throws IOException, GeneralSecurityException {
        this.log = log;
        this.guard = new LoginGuard(config.max_refused(), PAUSE_NANOS, System::nanoTime);
        InetAddress address = checked(config);
        Path hostKey = Path.of(config.host_key()).toAbsolutePath();
        Path authorizedKeys = Path.of(config.authorized_keys()).toAbsolutePath();

        server = SshServer.setUpDefaultServer();
        server.setHost(address.getHostAddress());
        server.setPort(config.port());
        server.setKeyPairProvider(hostKeyProvider(hostKey));
        server.setPublickeyAuthenticator(namingRefusedKeys(new AuthorizedKeysAuthenticator(authorizedKeys)));
        String hash = config.password_hash().trim();
        server.setPasswordAuthenticator(hash.isEmpty() ? null : (user, password, session) ->
                PasswordHash.matches(hash, password));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setShellFactory(channel -> new GogoShell(context, processor, log));
        server.setCommandFactory((channel, commandLine) -> new GogoExec(processor, commandLine));
        server.addSessionListener(new RefusedLogins());
        // Two I/O threads serve an operator or two on a small box (the default is one per core, plus one).
        CoreModuleProperties.NIO_WORKERS.set(server, 2);
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, 10);
        CoreModuleProperties.AUTH_TIMEOUT.set(server, Duration.ofSeconds(30));
        writePublicHalf(hostKey);
        try {
            server.start();
        } catch (IOException e) {
            log.error("ssh: cannot listen on {}:{} ({}): is another program using that port? Set another port in "
                    + "config/io.cellgate.ssh.cfg", address.getHostAddress(), config.port(), e.getMessage());
            throw e;
        }
        log.info("ssh: operator shell on {}:{}, keys from {}{}", address.getHostAddress(), server.getPort(),
                authorizedKeys, hash.isEmpty() ? "" : ", or the configured password");
    }

    @Deactivate
    void deactivate() throws IOException {
        server.stop(true);
    }

    /** The bind address, port and password hash, or a clear sentence in the log saying what is wrong. */
    private InetAddress checked(SshConfig config) {
        try {
            if (config.port() < 1 || config.port() > 65535) {
                throw new IllegalArgumentException("port " + config.port() + " is out of range: 1 to 65535");
            }
            if (!config.password_hash().isBlank()) {
                PasswordHash.check(config.password_hash());
            }
            try {
                return InetAddress.getByName(config.bind_address().trim());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bind.address '" + config.bind_address()
                        + "' is no address of this machine; 127.0.0.1 keeps the shell to this machine");
            }
        } catch (IllegalArgumentException e) {
            // SCR would log this as a stack trace; an operator should read the reason first.
            log.error("ssh: configuration refused: {}", e.getMessage());
            throw e;
        }
    }

    /** The host key, made at the first start in a folder only this user reads; it survives upgrades. */
    private static SimpleGeneratorHostKeyProvider hostKeyProvider(Path hostKey) throws IOException {
        Files.createDirectories(hostKey.getParent());
        SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(hostKey);
        provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
        provider.setKeySize(256);
        return provider;
    }

    /**
     * Loads the host key (made now if there is none yet), keeps it to this user and writes its public half beside
     * it, readable by all: {@code cellgate shell} checks the server against it, so the first connection needs no
     * "trust this host?" question.
     */
    private void writePublicHalf(Path hostKey) throws IOException, GeneralSecurityException {
        StringBuilder lines = new StringBuilder();
        for (KeyPair pair : server.getKeyPairProvider().loadKeys(null)) {
            lines.append(PublicKeyEntry.toString(pair.getPublic())).append('\n');
        }
        Files.setPosixFilePermissions(hostKey, PosixFilePermissions.fromString("rw-------"));
        Path pub = hostKey.resolveSibling(hostKey.getFileName() + ".pub");
        Files.writeString(pub, lines);
        Files.setPosixFilePermissions(pub, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static PublickeyAuthenticator namingRefusedKeys(PublickeyAuthenticator keys) {
        return (user, key, session) -> {
            boolean accepted = keys.authenticate(user, key, session);
            if (!accepted) {
                session.setAttribute(REFUSED_KEY, " as '" + user + "' with key " + KeyUtils.getFingerPrint(key)
                        + ", which is not in the authorized keys");
            }
            return accepted;
        };
    }

    /** Turns paused addresses away at once; logs a session that ends without a login, until its address pauses. */
    private final class RefusedLogins implements SessionListener {

        @Override
        public void sessionCreated(Session session) {
            if (guard.paused(address(session))) {
                session.close(true);
            }
        }

        @Override
        public void sessionClosed(Session session) {
            if (!(session instanceof ServerSession s) || s.isAuthenticated()) {
                return;
            }
            String address = address(session);
            String offered = session.getAttribute(REFUSED_KEY) == null ? "" : session.getAttribute(REFUSED_KEY);
            switch (guard.refused(address)) {
                case COUNTED -> log.warn("ssh: refused login from {}{}", address, offered);
                case PAUSED_NOW -> log.warn("ssh: refused login from {}{}; too many refused logins from {}: it is "
                        + "refused for a minute", address, offered, address);
                case ALREADY_PAUSED -> { } // logged when the pause began
            }
        }

        private String address(Session session) {
            return session.getIoSession().getRemoteAddress() instanceof InetSocketAddress a
                    ? a.getAddress().getHostAddress() : String.valueOf(session.getIoSession().getRemoteAddress());
        }
    }
}
