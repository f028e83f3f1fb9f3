import { useI18n } from '../i18n';
import { Link } from '../router';
import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const { t } = useI18n();
  return (
    <header class="border-b border-solid-gray-200 bg-white">
      <div class="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 md:px-6 md:py-4">
        <Link href="/" class="group flex min-w-0 items-center gap-3 rounded-4 text-solid-gray-900 no-underline">
          <span aria-hidden="true" class="grid size-10 shrink-0 place-items-center rounded-8 bg-blue-900 text-std-20B-150 text-white md:size-12 md:text-std-24B-150">
            守
          </span>
          <span class="flex min-w-0 flex-col">
            <span class="flex items-baseline gap-2">
              <span lang="ja" class="text-std-22B-150 md:text-std-26B-150">{t.product.name}</span>
              <span lang="en" class="text-dns-16B-120 text-solid-gray-600">{t.product.latin}</span>
            </span>
            <span class="text-dns-14N-130 text-solid-gray-600 [word-break:auto-phrase] group-hover:underline">{t.product.subtitle}</span>
          </span>
        </Link>
        <LanguageSwitch />
      </div>
    </header>
  );
}
