// The regulations feature's strings, loaded with the modules that use them rather than with the entry (issue 12: the
// login page and the dashboard carried every feature's Thai and English). Menu labels, enumerations and audit
// names that other pages need are in ./global/ (loaded with the entry). Import this from every module that
// uses these keys; server/test/web-i18n.test.ts checks that.
import { addFeatureMessages } from '../../../i18n';
import en from './en.json';
import th from './th.json';

addFeatureMessages(th, en);
