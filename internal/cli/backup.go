package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/qiangxian/qiangxian/internal/gm"
)

// runBackup is `qiangxian backup FILE [--db …] [--config …]`: a consistent
// snapshot of the whole database, taken while the server runs, in a format
// either dialect restores. The file (mode 0600) appears only when
// complete. With backup_key set it is SM4-GCM encrypted (internal/gm).
func runBackup(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("backup")
	db, cfg, err := e.openDBConfig(ctx, fs, args, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	path := fs.Arg(0)
	err = writeFileAtomic(path, func(w io.Writer) error {
		if cfg.BackupKey == "" {
			return db.Backup(ctx, w)
		}
		key, _ := gm.ParseKey(cfg.BackupKey) // validated by config.Load
		enc, err := gm.Encrypt(w, key)
		if err != nil {
			return err
		}
		if err := db.Backup(ctx, enc); err != nil {
			return err
		}
		return enc.Close()
	})
	if err != nil {
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

// runRestore is `qiangxian restore FILE [--db …] [--config …]`: loads a
// backup into an empty database (migrated first), all or nothing. An
// SM4-encrypted backup needs its backup_key: without it, or with another
// key, nothing is restored.
func runRestore(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("restore")
	db, cfg, err := e.openDBConfig(ctx, fs, args, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	if head, _ := br.Peek(len(gm.Magic)); gm.IsEncrypted(head) {
		if cfg.BackupKey == "" {
			return errors.New(e.t("%s 是 SM4 加密的备份：请设置 backup_key", "%s is an SM4-encrypted backup: set backup_key", fs.Arg(0)))
		}
		key, _ := gm.ParseKey(cfg.BackupKey)
		dec, err := gm.Decrypt(br, key)
		if err != nil {
			return err
		}
		r = &readErr{r: dec}
	}
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	if err := db.Restore(ctx, operator(), r); err != nil {
		if re, ok := r.(*readErr); ok && errors.Is(re.err, gm.ErrKey) {
			return errors.New(e.t("备份无法用所给 backup_key 解密（密钥不对或文件被改动），未恢复任何数据", "the backup does not decrypt with this backup_key (wrong key or altered file): nothing restored"))
		}
		return err
	}
	fmt.Fprintln(e.stdout, e.t("已从 %s 恢复", "restored from %s", fs.Arg(0)))
	return nil
}

// readErr remembers the error of its reader, which the store's error
// message does not wrap.
type readErr struct {
	r   io.Reader
	err error
}

func (r *readErr) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		r.err = err
	}
	return n, err
}
