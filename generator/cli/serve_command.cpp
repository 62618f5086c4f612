#include "cli/serve_command.hpp"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ostream>
#include <thread>

#include "cli/file_watcher.hpp"
#include "cli/pipeline.hpp"
#include "cli/preview_pages.hpp"
#include "cli/preview_site.hpp"

namespace hwbgen::cli {

namespace {

constexpr int quiet_ms = 10;            // editors write a file in bursts; wait this long for the last one
constexpr size_t request_threads = 32;  // each open page holds one for its event stream

bool is_loopback(const std::string& host) { return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0; }

// A path of the site, or "" when the request's path could leave it or is not one hwbgen makes.
std::string site_path(const std::string& url_path) {
    if (url_path.empty() || url_path[0] != '/') return "";
    std::string path = url_path.substr(1);
    for (size_t start = 0; start < path.size();) {
        const size_t end = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, end - start);
        if ((part.empty() && end < path.size()) || part == "." || part == ".." ||
            part.find_first_of(std::string("\\\0", 2)) != std::string::npos)
            return "";
        start = end + 1;
    }
    if (path.empty() || path.back() == '/') path += "index.html";
    return path;
}

bool is_html(const std::string& path) { return content_type(path).rfind("text/html", 0) == 0; }

void send(httplib::Response& res, int status, const std::string& type, const std::string& body,
          const std::string& etag) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    if (!etag.empty()) res.set_header("ETag", etag);
    res.set_content(body, type);
}

std::string quoted_hash(const std::string& bytes) { return "\"" + load::content_hash(bytes) + "\""; }

void send_problems(httplib::Response& res, int status, const std::vector<PreviewProblem>& problems, bool blocked) {
    const std::string page = problems_page(problems, blocked);
    const std::string etag = quoted_hash(page);
    send(res, status, "text/html; charset=utf-8", with_reload_script(page, etag), etag);
}

void send_not_found(httplib::Response& res) {
    send(res, 404, "text/plain; charset=utf-8", "Not found: there is no such page in the preview.\n", "");
}

void serve_file(const PreviewSite& site, const httplib::Request& req, httplib::Response& res) {
    const std::string path = site_path(req.path);
    if (path.empty()) return send_not_found(res);
    const auto snap = site.snapshot();
    if (path == "index.html" && !snap->top && !snap->first_place.empty())
        return res.set_redirect("/" + snap->first_place + "/");
    const PreviewFile* file = snap->find(path);
    if (!file) {
        const bool folder = path.find('.', path.rfind('/') + 1) == std::string::npos;
        if (folder && snap->find(path + "/index.html")) return res.set_redirect(req.path + "/", 301);
        if (is_html(path) && snap->blocked(path)) return send_problems(res, 500, snap->problems_for(path), true);
        return send_not_found(res);
    }
    const std::string type = content_type(path);
    if (!is_html(path)) return send(res, 200, type, *file->bytes, file->etag);
    if (snap->blocked(path)) return send_problems(res, 500, snap->problems_for(path), true);
    send(res, 200, type, with_reload_script(*file->bytes, file->etag), file->etag);
}

// Server-sent events: one message per rebuild, and a comment now and then so the connection
// is known to be alive. The first message makes a page that (re)connects check itself.
void serve_events(const PreviewSite& site, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    auto seen = std::make_shared<unsigned long>(0);
    res.set_chunked_content_provider("text/event-stream", [&site, seen](size_t, httplib::DataSink& sink) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        const unsigned long now = *seen ? site.wait_for_change(*seen, until) : site.snapshot()->generation;
        if (site.stopped()) {
            sink.done();
            return true;
        }
        std::string message = *seen ? "" : "retry: 1000\n";
        message += now != *seen ? "data: " + std::to_string(now) + "\n\n" : ": waiting\n\n";
        *seen = now;
        return sink.write(message.data(), message.size());
    });
}

void serve_file_list(const PreviewSite& site, httplib::Response& res) {
    const auto snap = site.snapshot();
    std::string list;
    if (snap->top)
        for (const auto& [path, file] : *snap->top) list += path + "\n";
    for (const auto& [place, files] : snap->places)
        for (const auto& [path, file] : *files) list += place + "/" + path + "\n";
    send(res, 200, "text/plain; charset=utf-8", list, "");
}

void add_routes(httplib::Server& server, const PreviewSite& site) {
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("Allow", "GET, HEAD");
        send(res, 405, "text/plain; charset=utf-8", "The preview only answers GET and HEAD.\n", "");
        return httplib::Server::HandlerResponse::Handled;
    });
    server.Get(preview_events_url,
               [&site](const httplib::Request&, httplib::Response& res) { serve_events(site, res); });
    server.Get(preview_problems_url, [&site](const httplib::Request&, httplib::Response& res) {
        const auto snap = site.snapshot();
        send_problems(res, 200, snap->all_problems(), false);
    });
    server.Get(preview_files_url,
               [&site](const httplib::Request&, httplib::Response& res) { serve_file_list(site, res); });
    server.Get(".*", [&site](const httplib::Request& req, httplib::Response& res) { serve_file(site, req, res); });
}

sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
    return set;
}

// Binds before building, so a second serve on the same port stops at once.
int bind(httplib::Server& server, const ServeOptions& options, std::ostream& err) {
    const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                       : (server.bind_to_port(options.host, options.port) ? options.port : -1);
    if (port > 0) return port;
    const int why = errno;
    err << "hwbgen: error: cannot serve on " << options.host << ":" << options.port << ": "
        << (why == EADDRINUSE ? "the port is in use, perhaps by another hwbgen serve" : std::strerror(why)) << "\n"
        << "hint: stop the other program, or choose another port with --port (e.g. --port "
        << (options.port == 8080 ? 8081 : 8080) << ")\n";
    return -1;
}

}  // namespace

int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
    if (options.port < 0 || options.port > 65535) {
        err << "hwbgen: error: --port must be between 0 and 65535\n";
        return exit_usage_error;
    }
    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // every thread made from here on, too
    httplib::Server server;
    server.new_task_queue = [] { return new httplib::ThreadPool(request_threads); };
    server.set_keep_alive_timeout(1);  // idle connections close soon after Ctrl-C
    server.set_tcp_nodelay(true);      // headers and body leave at once, not 40 ms apart
    // httplib's default also sets SO_REUSEPORT, which would let a second serve share the port
    // and take half the requests; SO_REUSEADDR alone only allows restarting right after a stop.
    server.set_socket_options([](socket_t sock) {
        const int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    const int port = bind(server, options, err);
    if (port < 0) return exit_usage_error;
    if (!is_loopback(options.host))
        err << "hwbgen: warning: the preview is visible to other computers on the network at " << options.host << ":"
            << port << "; anyone who can reach this computer can read the unpublished content\n";

    PreviewSite site(options.root, options.places, options.jobs, out, err);
    std::unique_ptr<FileWatcher> watching_files;
    try {
        watching_files = std::make_unique<FileWatcher>(options.root,
                                                       std::vector<std::string>{"content", "templates", "indicators"});
    } catch (const std::exception& e) {
        err << "hwbgen: error: " << e.what() << "\nhint: raise fs.inotify.max_user_instances, or use hwbgen build\n";
        return exit_usage_error;
    }
    FileWatcher& watcher = *watching_files;
    // Waits for Ctrl-C from the start, so one stops the first build too (it gives up between
    // places) instead of waiting for a large site to finish building.
    std::atomic<bool> listening_ended{false};
    std::thread stopping([&] {
        int signal = 0;
        sigwait(&signals, &signal);
        site.stop();
        watcher.stop();
        // Ctrl-C may come before the server has started listening, when stop() does nothing yet.
        while (!listening_ended) {
            server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    const auto stop_now = [&](int code) {
        listening_ended = true;
        if (!site.stopped()) kill(getpid(), SIGTERM);  // end the stopping thread
        stopping.join();
        if (code == exit_ok) out << "stopped\n" << std::flush;
        return code;
    };
    out << "building the preview of " << options.root << " ...\n" << std::flush;
    if (!site.build_all()) return stop_now(exit_usage_error);
    if (site.stopped()) return stop_now(exit_ok);
    add_routes(server, site);
    std::thread watching([&] {
        for (auto changed = watcher.wait(quiet_ms); !changed.empty(); changed = watcher.wait(quiet_ms))
            site.rebuild(changed);
    });
    out << "serving the preview at http://"
        << (options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host) << ":" << port
        << "/ (press Ctrl-C to stop)\n"
        << std::flush;
    server.listen_after_bind();
    watcher.stop();  // the server may have ended by itself
    watching.join();
    return stop_now(exit_ok);
}

}  // namespace hwbgen::cli
