import { useEffect, useState } from 'preact/hooks';
import { fetchVersion, type VersionInfo } from '../api';
import { useI18n } from '../i18n';

export function Footer() {
  const { t } = useI18n();
  const [version, setVersion] = useState<VersionInfo | null>(null);

  useEffect(() => {
    let active = true;
    void fetchVersion().then((info) => {
      if (active) setVersion(info);
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <footer class="mt-auto border-t print:hidden border-solid-gray-200 bg-solid-gray-50">
      <div class="mx-auto flex max-w-6xl flex-wrap items-baseline justify-between gap-2 px-4 py-6 text-dns-14N-130 text-solid-gray-700 md:px-6">
        <p>
          <span lang="ja">{t.product.name}</span> {t.product.latin} — {t.product.subtitle}
        </p>
        {version !== null && (
          <p data-testid="version">
            {t.footer.version} {version.version}
          </p>
        )}
      </div>
    </footer>
  );
}
