package cli

import (
	"context"
	"flag"
	"fmt"
	"os/user"

	"github.com/qiangxian/qiangxian/internal/config"
	"github.com/qiangxian/qiangxian/internal/store"
)

// runMigrate is `qiangxian migrate [--db PATH_OR_DSN] [--config FILE]`: it
// applies the migrations the database lacks (serve does the same on start).
func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("migrate")
	db, err := e.openDB(ctx, fs, args, 0)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("数据库结构已是第 %d 版（%s）", "database schema at version %d (%s)", v, db.Dialect()))
	return nil
}

// openDB parses fs (to which it adds --db and --config) with args, expects
// nargs positional arguments, and opens the database the configuration
// names: --db, else QIANGXIAN_DB, else the config file's db, else the
// default.
func (e *env) openDB(ctx context.Context, fs *flag.FlagSet, args []string, nargs int) (*store.DB, error) {
	db, _, err := e.openDBConfig(ctx, fs, args, nargs)
	return db, err
}

// openDBConfig is openDB also returning the configuration it read.
func (e *env) openDBConfig(ctx context.Context, fs *flag.FlagSet, args []string, nargs int) (*store.DB, config.Config, error) {
	dsn := fs.String("db", "", e.t("数据库：SQLite 文件路径或 postgres:// 连接串", "database: SQLite file path or postgres:// DSN"))
	file := fs.String("config", "", e.t("TOML 配置文件", "TOML config file"))
	if err := e.parseInterleaved(fs, args); err != nil {
		return nil, config.Config{}, err
	}
	if fs.NArg() != nargs {
		return nil, config.Config{}, e.usageErr("应有 %d 个参数，实际 %d 个：%v", "want %d arguments, got %d: %v", nargs, fs.NArg(), fs.Args())
	}
	set := map[string]string{}
	if *dsn != "" {
		set["db"] = *dsn
	}
	cfg, err := config.Load(*file, e.getenv, set)
	if err != nil {
		return nil, cfg, &usageError{err.Error()}
	}
	db, err := store.Open(ctx, cfg.DB)
	if err == nil {
		err = db.SetAuditHash(cfg.AuditHash) // validated by config.Load
	}
	return db, cfg, err
}

// parseInterleaved parses args allowing flags after positional arguments
// (`user add zhang --role analyst`), which the flag package stops at.
func (e *env) parseInterleaved(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := e.parseFlags(fs, args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}

// operator is the actor of changes made from the command line: cli:<OS
// user>, as the audit log records it.
func operator() store.Actor {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return store.Actor{Username: "cli:" + u.Username}
	}
	return store.Actor{Username: "cli"}
}
