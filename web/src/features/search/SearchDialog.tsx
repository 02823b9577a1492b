import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import SearchPanel from './SearchPanel';

/** The global search dialog (loaded on first use). */
export default function SearchDialog({ opened, onClose, fullScreen }: { opened: boolean; onClose: () => void; fullScreen: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('search.title')}
      size="xl"
      fullScreen={fullScreen}
      yOffset="8vh"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      returnFocus
      data-testid="global-search"
    >
      {opened ? <SearchPanel onDone={onClose} /> : null}
    </Modal>
  );
}
