package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/qiangxian/qiangxian/internal/gm"
)

// runSM3Sum is `qiangxian sm3sum FILE…` and `qiangxian sm3sum -c SUMS`:
// SM3 (GB/T 32905) digests of files in sha256sum's format ("HEX  NAME"),
// or a check of such a list (names relative to the working folder), which
// exits 1 naming each file that differs or is missing.
func runSM3Sum(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("sm3sum")
	check := fs.String("c", "", e.t("校验摘要清单文件", "check the digests listed in this file"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *check != "" {
		return e.sm3Check(*check)
	}
	if fs.NArg() == 0 {
		return e.usageErr("用法：qiangxian sm3sum FILE… 或 qiangxian sm3sum -c SUMS", "usage: qiangxian sm3sum FILE… or qiangxian sm3sum -c SUMS")
	}
	for _, name := range fs.Args() {
		sum, err := sm3File(name)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s  %s\n", sum, name)
	}
	return nil
}

func sm3File(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	return gm.SM3Reader(f)
}

func (e *env) sm3Check(list string) error {
	f, err := os.Open(list)
	if err != nil {
		return err
	}
	defer f.Close()
	bad, n := 0, 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		want, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(want) != 64 {
			return &usageError{fmt.Sprintf("%s:%d:1: %s", list, line, e.t("不是“摘要  文件名”格式", "not a \"DIGEST  NAME\" line"))}
		}
		n++
		got, err := sm3File(name)
		switch {
		case err != nil:
			bad++
			fmt.Fprintf(e.stdout, "%s: %s\n", name, e.t("无法读取", "FAILED open or read"))
		case got != strings.ToLower(want):
			bad++
			fmt.Fprintf(e.stdout, "%s: %s\n", name, e.t("不符", "FAILED"))
		default:
			fmt.Fprintf(e.stdout, "%s: OK\n", name)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if bad > 0 {
		return errors.New(e.t("%d 个文件（共 %d 个）的 SM3 摘要不符", "%d of %d files did not match their SM3 digest", bad, n))
	}
	return nil
}
