package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// runBackup is `qiangxian backup FILE [--db …]`: a consistent snapshot of
// the whole database, taken while the server runs, in a format either
// dialect restores. The file appears only when complete.
func runBackup(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("backup")
	db, err := e.openDB(ctx, fs, args, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	path := fs.Arg(0)
	if err := writeFileAtomic(path, func(w io.Writer) error { return db.Backup(ctx, w) }); err != nil {
		return err
	}
	// The backup holds every account's hash: who took it, and where to,
	// goes to the audit log (after the snapshot, which therefore does not
	// hold its own row).
	var size int64
	if fi, err := os.Stat(path); err == nil {
		size = fi.Size()
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if err := db.RecordBackup(ctx, operator(), abs, size); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("已备份到 %s", "backed up to %s", path))
	return nil
}

// runRestore is `qiangxian restore FILE [--db …]`: loads a backup into an
// empty database (migrated first), all or nothing.
func runRestore(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("restore")
	db, err := e.openDB(ctx, fs, args, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	if err := db.Restore(ctx, operator(), f); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("已从 %s 恢复", "restored from %s", fs.Arg(0)))
	return nil
}
