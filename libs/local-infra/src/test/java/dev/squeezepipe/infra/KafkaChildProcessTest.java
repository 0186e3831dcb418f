package dev.squeezepipe.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void servesClientsFromAChildJvmAndStopsItOnClose() throws Exception {
        long pid;
        try (KafkaChildProcess broker = KafkaChildProcess.start(dir.resolve("kafka"), 0, dir.resolve("broker.log"))) {
            pid = broker.pid();
            assertTrue(pid != ProcessHandle.current().pid(), "the broker runs in a process of its own");
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                admin.createTopics(List.of(new NewTopic("child-test", 1, (short) 1))).all().get();
                assertTrue(admin.listTopics().names().get().contains("child-test"));
            }
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "closing stops the child process");
    }

    @Test
    void reportsAChildThatCannotStartWithItsOutput() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IOException error = assertThrows(IOException.class, () -> KafkaChildProcess.start(dir.resolve("kafka"),
                    taken.getLocalPort(), dir.resolve("broker.log")));
            assertTrue(error.getMessage().contains("exited with status"), error.getMessage());
            assertTrue(error.getMessage().contains(dir.resolve("broker.log").toString()), error.getMessage());
        }
    }
}
