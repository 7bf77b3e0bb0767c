package dev.multisite.ops.lab;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A real, minimal authoritative DNS server on loopback UDP: it answers A queries for the global
 * hostname with the addresses of the sites the health checker finds healthy (all sites when none
 * is, as Route 53 does when every record is unhealthy), with the configured TTL.
 */
public final class LabDnsServer implements AutoCloseable {
    private final Name hostname;
    private final long ttlSeconds;
    private final Supplier<List<LabSite>> answers;
    private final Supplier<List<LabSite>> everySite;
    private final DatagramSocket socket;
    private final Thread thread;

    public LabDnsServer(String hostname, long ttlSeconds, InetAddress loopback,
                        Supplier<List<LabSite>> healthy, Supplier<List<LabSite>> everySite) throws IOException {
        this.hostname = Name.fromString(hostname.endsWith(".") ? hostname : hostname + ".");
        this.ttlSeconds = ttlSeconds;
        this.answers = healthy;
        this.everySite = everySite;
        this.socket = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.thread = new Thread(this::serve, "lab-dns");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] reply = answer(new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength())));
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (IOException malformed) {
                // A malformed query gets no answer, as from any authoritative server under load.
            }
        }
    }

    byte[] answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        Record question = query.getQuestion();
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response.toWire();
        }
        response.addRecord(question, Section.QUESTION);
        if (!question.getName().equals(hostname)) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (question.getType() == Type.A) {
            List<LabSite> sites = answers.get();
            for (LabSite site : sites.isEmpty() ? everySite.get() : sites) {
                response.addRecord(new ARecord(hostname, DClass.IN, ttlSeconds, site.address().getAddress()), Section.ANSWER);
            }
        }
        return response.toWire();
    }

    @Override
    public void close() {
        socket.close();
    }
}
