package dev.oauthplatform.auth.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the server and PostgreSQL, whose plug a test pulls: every connection is cut
 * and new ones are refused, as when the database host goes away; plugged in again, on the same
 * port, the database is back. The real driver and the real pool meet a real outage.
 */
public final class DatabasePlug implements AutoCloseable {

	private final InetSocketAddress target;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	public DatabasePlug(String host, int targetPort) throws IOException {
		this.target = new InetSocketAddress(host, targetPort);
		this.server = listen(0);
		this.port = this.server.getLocalPort();
		accept(this.server);
	}

	public int port() {
		return this.port;
	}

	/** Cuts every connection and refuses new ones. */
	public void pull() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	public void plugIn() throws IOException {
		this.server = listen(this.port);
		accept(this.server);
	}

	@Override
	public void close() throws IOException {
		pull();
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return socket;
	}

	private void accept(ServerSocket listening) {
		Thread acceptor = new Thread(() -> {
			while (!listening.isClosed()) {
				try {
					Socket client = listening.accept();
					Socket database = new Socket(this.target.getAddress(), this.target.getPort());
					this.sockets.add(client);
					this.sockets.add(database);
					pump(client, database);
					pump(database, client);
				}
				catch (IOException ex) {
					// pulled
				}
			}
		}, "database-plug-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private static void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// cut
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "database-plug-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already
		}
	}

}
