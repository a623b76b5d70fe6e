package io.cellgate.ssh.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The operator's SSH shell: where it listens, who may log in, where its host key is kept. */
@ObjectClassDefinition(name = "Cellgate SSH shell",
        description = "The Gogo shell over SSH, as on the local console. Public-key logins from an authorized_keys "
                + "file; a password only if its hash is configured.")
@interface SshConfig {

    @AttributeDefinition(name = "Bind address", description = "The address to listen on: 127.0.0.1 (this machine "
            + "only, the default), or the address of one interface. 0.0.0.0 exposes the shell to the network.")
    String bind_address() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "TCP port, 1 to 65535; 8101 as on Apache Karaf.",
            min = "1", max = "65535")
    int port() default 8101;

    @AttributeDefinition(name = "Authorized keys", description = "OpenSSH authorized_keys file of the public keys "
            + "that may log in, relative to the gateway's working folder; read again when it changes. Missing or "
            + "empty: no key logs in.")
    String authorized_keys() default "config/authorized_keys";

    @AttributeDefinition(name = "Password hash", description = "Empty (the default): no password logins. Else the "
            + "line 'cellgate:passwordhash' prints for a password (pbkdf2-sha256$iterations$salt$hash); the password "
            + "itself is never stored.")
    String password_hash() default "";

    @AttributeDefinition(name = "Host key", description = "The server's private key, made at the first start, "
            + "relative to the working folder (the state folder); its public half is written beside it as .pub.")
    String host_key() default "data/ssh/host-key";

    @AttributeDefinition(name = "Refused logins before a pause", description = "After this many refused logins "
            + "from one address within a minute, that address is refused at once for a minute. 1 to 100.",
            min = "1", max = "100")
    int max_refused() default 5;
}
