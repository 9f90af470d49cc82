package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os/signal"
	"syscall"

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
	fmt.Fprintln(e.stdout, e.t("qiangxian 正在监听 http://%s（数据库：%s）", "qiangxian listening on http://%s (database: %s)",
		ln.Addr(), db.Dialect()))
	s := web.New(db, cfg, web.Hooks{Seed: seedDemo(log), Out: e.stdout, Logger: log})
	return s.Run(ctx, ln)
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
