package web

import (
	"context"
	"errors"
	"fmt"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// AdminUsername is the account made on an empty database.
const AdminUsername = "admin"

// prepare migrates the database and fills an empty one: the demo through
// the Seed hook when there is one (and the config asks for it), and the
// administrator in any case. A generated password is printed once, to
// Hooks.Out, and never logged. It all runs under the database's start-up
// lock (store.DB.MigrateThen): of several servers started together on one
// empty database, one migrates and loads the demo, and the others, waiting
// for the lock, find a database with users and leave it as it is.
func (s *Server) prepare(ctx context.Context) error {
	if v, latest := mustVersion(ctx, s.db), store.LatestSchemaVersion(); v > latest {
		return fmt.Errorf("the database has schema %d, newer than this program's %d", v, latest)
	}
	return s.db.MigrateThen(ctx, s.fill)
}

// fill loads the demo and the administrator into a database without users.
func (s *Server) fill(ctx context.Context) error {
	n, err := s.db.CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	password := s.cfg.AdminPassword
	generated := ""
	if s.hooks.Seed != nil && s.cfg.Demo {
		s.log.Info("empty database: loading the Gansu demo")
		if generated, err = s.hooks.Seed(ctx, s.db, password); err != nil {
			return fmt.Errorf("loading the demo: %w", err)
		}
	}
	if _, err := s.db.User(ctx, AdminUsername); errors.Is(err, store.ErrNotFound) {
		if generated, err = CreateAdmin(ctx, s.db, password); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if generated != "" {
		fmt.Fprintf(s.hooks.Out, "管理员 %s 的初始密码（只显示这一次）/ initial password of %s (shown once): %s\n",
			AdminUsername, AdminUsername, generated)
	}
	return nil
}

func mustVersion(ctx context.Context, db *store.DB) int {
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return 0 // no schema_migrations table yet
	}
	return v
}

// CreateAdmin creates the administrator account with password, or with a
// generated password when it is empty, which it returns.
func CreateAdmin(ctx context.Context, db *store.DB, password string) (generated string, err error) {
	if password == "" {
		if password, err = GeneratePassword(); err != nil {
			return "", err
		}
		generated = password
	}
	if err := auth.CheckPassword(AdminUsername, password); err != nil {
		return "", fmt.Errorf("QIANGXIAN_ADMIN_PASSWORD: %w", err)
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return "", err
	}
	_, err = db.CreateUser(ctx, store.System, store.User{Username: AdminUsername, PasswordHash: hash,
		Role: auth.RoleAdmin, DisplayName: "管理员"})
	return generated, err
}

// GeneratePassword returns a random password that passes the policy: a
// token (letters, digits, - and _) with a fixed suffix that guarantees the
// classes the policy asks for.
func GeneratePassword() (string, error) {
	t, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	return t[:20] + "-Qx7", nil
}
