package cli

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/qiangxian/qiangxian/internal/config"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/web"
)

// runServe is `qiangxian serve [--addr HOST:PORT] [--db PATH_OR_DSN]
// [--config FILE] […]`: the server, until SIGINT or SIGTERM. Settings come
// from defaults < the TOML file < QIANGXIAN_* variables < flags. On an empty
// database it loads the Gansu demo and the administrator admin, whose
// password is QIANGXIAN_ADMIN_PASSWORD or, when unset, generated and printed
// once.
func runServe(ctx context.Context, e *env, args []string) error {
	cfg, err := e.loadConfig("serve", args)
	if err != nil {
		return err
	}
	log := newLogger(cfg, e.stderr)
	slog.SetDefault(log)
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()
	db, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SetAuditHash(cfg.AuditHash); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	scheme := "http"
	if cfg.TLS() {
		if ln, err = tlsListener(ln, cfg); err != nil {
			return err
		}
		scheme = "https"
	}
	fmt.Fprintln(e.stdout, e.t("qiangxian 正在监听 %s://%s（数据库：%s）", "qiangxian listening on %s://%s (database: %s)",
		scheme, ln.Addr(), db.Dialect()))
	s := web.New(db, cfg, web.Hooks{Seed: seedDemo(log), Out: e.stdout, Logger: log})
	if cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			ln.Close()
			return err
		}
		fmt.Fprintln(e.stdout, e.t("Prometheus 指标：http://%s/metrics", "Prometheus metrics: http://%s/metrics", mln.Addr()))
		ms := &http.Server{Handler: s.MetricsHandler(), ReadHeaderTimeout: 10 * time.Second}
		go ms.Serve(mln)
		defer ms.Close()
	}
	return s.Run(ctx, ln)
}

// tlsListener serves TLS 1.2 or later on ln with the configured
// certificate and key. HSTS and Secure cookies follow (the requests carry
// their TLS state).
func tlsListener(ln net.Listener, cfg config.Config) (net.Listener, error) {
	cert, err := tls.LoadX509KeyPair(cfg.TLSCert, cfg.TLSKey)
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("tls_cert/tls_key: %w", err)
	}
	return tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}), nil
}

// seedDemo loads the demo through seed.LoadDemo. A database that holds
// data but no account (a load that stopped part-way, or data restored
// without users) is left as it is: the server then adds the administrator.
func seedDemo(log *slog.Logger) web.SeedFunc {
	return func(ctx context.Context, db *store.DB, adminPassword string) (string, error) {
		gen, err := seed.LoadDemo(ctx, db, adminPassword)
		if errors.Is(err, seed.ErrNotEmpty) {
			log.Warn("the database holds data but no account: the demo is not loaded")
			return "", nil
		}
		return gen, err
	}
}

// newLogger is the one slog configuration of the program.
func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	level.UnmarshalText([]byte(cfg.LogLevel)) // validated by config.Load
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// loadConfig parses the settings' flags of command name and loads the
// configuration; no positional arguments are allowed.
func (e *env) loadConfig(name string, args []string) (config.Config, error) {
	fs := e.newFlags(name)
	flags := config.Flags(fs, string(e.lang))
	if err := e.parseFlags(fs, args); err != nil {
		return config.Config{}, err
	}
	if fs.NArg() != 0 {
		return config.Config{}, e.usageErr("多余的参数：%v", "unexpected arguments: %v", fs.Args())
	}
	file, set := flags()
	cfg, err := config.Load(file, e.getenv, set)
	if err != nil {
		return cfg, &usageError{err.Error()}
	}
	return cfg, nil
}
